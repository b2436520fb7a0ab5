#pragma once

#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/analysis/sweep_curve.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

// One run as the U-curve draws it.
struct SweepPlotRun {
    core::RunId id = 0;
    QString group;  // one curve per group, e.g. "SGD" or "Adam · batch 32"
    double lr = 0.0;
    std::optional<double> value;  // the measure now (a running run's point moves)
    std::optional<int> divergedAt;
    bool finished = false;
};

// The curve each run belongs to: its optimizer, and whatever else tells the runs apart (a
// second sweep with another batch size gets its own curve); the rate never does.
std::vector<QString> sweepGroups(const std::vector<const core::RunConfig*>& configs);

// The sweep's U-curve: the chosen measure (final or best loss, error) against the learning
// rate (log x), one line per group in its own colour. Runs still training are hollow points
// that move as they train; diverged runs are crosses at the top edge labelled with their
// epoch; each group's best rate (lowest value of a run that did not diverge) is a star, and
// its legend entry (in a row above the plot) names it. Clicking a point (or cross) emits
// runClicked. The window's sweep view and `lrscope-cli plot --sweep` both draw with this class.
class SweepPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit SweepPlot(QWidget* parent = nullptr);

    void setMeasure(core::SweepMeasure measure);
    // Losses of a sweep span decades: a log axis shows the bottom of the U.
    void setLogY(bool logY);
    bool logY() const { return logY_; }
    core::SweepMeasure measure() const { return measure_; }
    // Draws these runs (the whole figure is rebuilt; a sweep has at most a few hundred runs).
    void setRuns(const std::vector<SweepPlotRun>& runs);
    void setEmptyMessage(const QString& message);

    // The curves as drawn now, in legend order.
    const std::vector<core::SweepCurve>& curves() const { return curves_; }
    QString noteText() const;
    // Where a run's point or cross sits in widget pixels (nullopt: not drawn).
    std::optional<QPointF> pixelOf(core::RunId id) const;
    // The run drawn nearest to `pixel` within a few pixels, else 0.
    core::RunId runAt(const QPointF& pixel) const;

signals:
    void runClicked(lrscope::core::RunId id);

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Drawn {
        core::RunId id;
        double lr;
        std::optional<double> value;  // empty: a cross at the top edge
        int row;                      // the cross's row (one per group)
    };

    void fitAxes(const std::vector<SweepPlotRun>& runs);
    void chooseTicks();

    core::SweepMeasure measure_ = core::SweepMeasure::FinalTrainLoss;
    bool logY_ = false;
    std::vector<core::SweepCurve> curves_;
    std::vector<Drawn> drawn_;
    QString emptyMessage_;
    QCPItemText* note_;
};

}  // namespace lrscope::ui
