#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/training/epoch_record.hpp"
#include "ui/views/curves/curve_graph.hpp"
#include "ui/views/curves/plot_metric.hpp"
#include "ui/views/curves/run_series.hpp"

namespace lrscope::ui {

class CurveCache;
class FigureHeading;
class RunStore;

// Per-epoch curves of many runs on one QCustomPlot: one colour per run, train solid and test
// dashed, a legend entry per run, a cross where a run diverged, and labelled markers at the
// epochs where the learning rate was changed live. The view follows the data until the user
// zooms or pans (wheel, drag); setFollow(true) or a double-click brings following back.
// Hovering shows run, epoch and value. The plot draws the runs of a RunStore and follows the
// store's signals by itself; its curves (CurveGraph) read the histories from the store at every
// draw, so the plot keeps no copy of them (only smoothed values, while smoothing is on). The
// window, the exports and `lrscope-cli plot` all draw with this class.
class RunPlot : public QCustomPlot {
    Q_OBJECT
public:
    RunPlot(const RunStore& store, PlotMetric metric, QWidget* parent = nullptr);

    bool hasRun(core::RunId id) const { return runs_.count(id) != 0; }

    PlotMetric metric() const { return metric_; }
    void setMetric(PlotMetric metric);
    SeriesChoice series() const { return series_; }
    void setSeries(SeriesChoice series);
    bool logY() const { return logY_; }
    void setLogY(bool logY);
    bool follows() const { return follow_; }
    void setFollow(bool follow);
    // TensorBoard's smoothing weight in [0, 1) (core::SeriesSmoother): above 0 the curves show
    // the smoothed values and the raw ones faint behind them; 0 shows the raw values alone.
    double smoothing() const { return smoothing_; }
    void setSmoothing(double weight);
    // The faint raw curve behind a run's smoothed training curve (nullptr without smoothing).
    CurveGraph* rawTrainGraph(core::RunId id) const;
    void setLegendShown(bool shown);
    // Whether the legend sits beside the plot (many runs) rather than in its corner.
    bool legendOutside() const { return legendOutside_; }
    // Text shown in the middle while the plot has no runs (empty = none).
    void setEmptyMessage(const QString& message);
    // What the plot says in the middle now: the empty message without runs, or why the runs
    // it shows give no points for its metric (regression runs have no error rate, runs
    // without a test split no test curve). Empty when there is nothing to explain.
    QString noteText() const;

    // Whether the visible runs that have records are all regressions (no class labels), so a
    // classification metric has nothing to draw for them.
    bool showsOnlyRegressions() const;

    // The graphs of a run (nullptr for an unknown run or a metric without a test series).
    CurveGraph* trainGraph(core::RunId id) const;
    CurveGraph* testGraph(core::RunId id) const;
    // The lr-change markers of a run as (epoch, label text), in epoch order: one per live
    // change while the plot draws anything of the run, none while it draws nothing of it
    // (e.g. the success rate of a regression run).
    std::vector<std::pair<int, QString>> lrMarkers(core::RunId id) const;
    // Runs whose curve reaches above the y range now (marked "clipped" at the top edge).
    std::vector<core::RunId> clippedRuns() const;
    // Points not drawn because a log axis cannot show them (values at or below zero).
    long hiddenPointCount() const { return hiddenPoints_; }
    // The small note in the plot's corner (hidden points), empty when none.
    QString cornerNoteText() const;

    // Figure controls (run_plot_figure.cpp). A title and a key ("—— train  - - - test", only
    // for the series shown) above the plot; both empty by default.
    void setTitle(const QString& title);
    QString title() const;
    void setSeriesKeyShown(bool shown);
    bool seriesKeyShown() const { return seriesKeyWanted_; }
    // Fixed ends of the y axis while following (nullopt = automatic). A fixed end the other,
    // automatic end would cross is kept, and the automatic end moves away from it.
    void setYLimits(std::optional<double> low, std::optional<double> high);
    std::optional<double> yLimitLow() const { return yLimitLow_; }
    std::optional<double> yLimitHigh() const { return yLimitHigh_; }

    // Runs drawn with a heavier line (the selected runs, e.g. a point clicked in the sweep
    // view); none by default. Figures are drawn without it (FigureDressing).
    void setHighlighted(std::vector<core::RunId> ids);
    const std::vector<core::RunId>& highlighted() const { return highlighted_; }

    // Places what depends on the current ranges and size (clip marks, lr-change labels, log
    // ticks); every replot does it, and the exports call it before drawing.
    void refreshDecorations();

    // Asks for one replot soon; many requests give one replot, and a slow replot is spaced
    // out so the event loop stays responsive. These replots redraw only where curves grew
    // while nothing else changed (CurveCache).
    void requestReplot();
    // What a requested replot does, at once (for tests and benchmarks).
    void replotNow();
    CurveCache& curveCache() const { return *cache_; }

signals:
    void followChanged(bool following);

private:
    void addRun(core::RunId id);
    void appendRecords(core::RunId id, int first, int count);
    void onRunChanged(core::RunId id, unsigned what);
    void removeRun(core::RunId id);
    void clearRuns();

    struct Curves {
        // What the graphs draw, read from the store (held by pointer: the graphs point into
        // them while the Curves move into runs_).
        std::unique_ptr<RunSeries> trainSeries;
        std::unique_ptr<RunSeries> testSeries;
        CurveGraph* train = nullptr;
        CurveGraph* test = nullptr;
        CurveGraph* trainRaw = nullptr;  // the raw values behind smoothed curves
        CurveGraph* testRaw = nullptr;
        QCPGraph* divergence = nullptr;          // a single cross at the last finite point
        QCPItemText* divergenceLabel = nullptr;  // "diverged @ N" beside the cross
        QCPItemText* clipMark = nullptr;         // "▲ clipped" at the top edge
        std::vector<QCPAbstractItem*> markers;   // lr changes: a tracer, then its label
        long recordCount = 0;
        bool hasClassLabels = false;
        bool hasTestSplit = false;
        QColor colour;
        int styleCycle = 0;  // past the palette's first pass: a marker shape (run_marker.hpp)
        QString label;
        int plannedEpochs = 0;
        bool visible = true;
        std::optional<int> divergedAt;
    };

    void styleCurves(Curves& curves);
    bool isHighlighted(const Curves& curves) const;
    // New series for the plot's metric, axis and smoothing, with the run's records so far.
    void resetSeries(core::RunId id, Curves& curves);
    CurveGraph* newGraph();
    double followCap() const;  // see kLossFollowCap
    void addMarkers(Curves& curves, const core::EpochRecord* records, std::size_t count);
    void addMarker(Curves& curves, const core::EpochRecord& record);
    void placeMarker(const Curves& curves, QCPItemTracer* tracer) const;
    void rebuild(core::RunId id, Curves& curves);
    void placeDivergence(Curves& curves);
    void refreshLegend();
    void refreshHeading();
    int axisRectRow() const;
    QCPRange withYLimits(QCPRange automatic) const;
    void refreshNote();
    void refreshClipMarks();
    void placeMarkerLabels();
    void refreshLogTicks();
    QString missingPointsReason() const;
    void updatePens();
    void refreshAxes();
    void fitToData();
    void showHover(QMouseEvent* event);
    CurveGraph* primaryGraph(const Curves& curves) const;
    const RunSeries& primarySeries(const Curves& curves) const;
    long pointCount() const;  // points in all graphs
    bool showsTrain() const;
    bool showsTest() const;

    PlotMetric metric_;
    SeriesChoice series_ = SeriesChoice::TrainAndTest;
    bool logY_ = false;
    double smoothing_ = 0.0;
    bool follow_ = true;
    bool dragging_ = false;
    bool legendShown_ = true;
    bool legendOutside_ = false;  // beside the plot instead of in its corner
    bool thickPens_ = true;
    std::vector<core::RunId> highlighted_;
    long hiddenPoints_ = 0;  // points of visible runs a log axis cannot show
    const RunStore& store_;
    std::map<core::RunId, Curves> runs_;
    QString emptyMessage_;
    QCPItemText* note_ = nullptr;
    QCPItemText* cornerNote_ = nullptr;
    FigureHeading* heading_ = nullptr;  // in a row above the axis rect while it has lines
    QString title_;
    bool seriesKeyWanted_ = false;
    std::optional<double> yLimitLow_;
    std::optional<double> yLimitHigh_;
    CurveCache* cache_ = nullptr;  // draws the curves in replots
    QTimer replotTimer_;
    std::chrono::steady_clock::time_point lastReplotEnd_{};
    long lastReplotMs_ = 0;
};

}  // namespace lrscope::ui
