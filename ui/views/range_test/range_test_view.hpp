#pragma once

#include <vector>

#include <QObject>

#include "core/analysis/range_test.hpp"
#include "ui/views/range_test/range_test_curve.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/view_context.hpp"

class QLabel;
class QPushButton;
class QSpinBox;

namespace lrscope::ui {

class NumberField;
class RangeTestJob;
class RangeTestPlot;

// The learning-rate range test in the window. "Find learning rate" (Run menu and the view's
// own button) runs core's range test with the panel's current settings on a RangeTestJob and
// draws it live; once it ends, the valley / steep / minimum suggestions are marked and each
// has a "Use" button that sets the panel's learning rate. Earlier tests stay as faint
// overlays, and the view says which settings each used. It never touches a training run.
// Owned by the window's list of views (not a QObject child); its widget goes into a dock.
class RangeTestView : public QObject, public RunView {
    Q_OBJECT
public:
    RangeTestView(const ViewContext& context, QWidget* parent);

    QString key() const override { return QStringLiteral("range-test"); }
    QString title() const override { return tr("Range test"); }
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }
    QList<QAction*> runMenuActions() const override;
    QCustomPlot* exportablePlot() const override;

    // Starts a test with the panel's settings and the view's rate range (false, with the
    // reason shown, when either is invalid).
    bool findLearningRate();
    void cancel();
    void clearEarlier();

    RangeTestPlot* plot() const { return plot_; }
    QAction* findAction() const { return find_; }
    // The "Use valley 3.2e-3" buttons, in the order valley, steep, minimum.
    const std::vector<QPushButton*>& useButtons() const { return use_; }
    QLabel* statusLabel() const { return status_; }
    // The range the next test sweeps: from, to, and the number of batches.
    NumberField* startField() const { return start_; }
    NumberField* endField() const { return end_; }
    QSpinBox* iterationsBox() const { return iterations_; }
    const std::vector<RangeTestCurve>& tests() const { return tests_; }
    bool isRunning() const;

    // At most this many tests are kept (the current one and the overlays before it).
    static constexpr std::size_t kMaxTests = 6;

signals:
    // The current test has finished and its suggestions are shown.
    void testFinished();

private:
    void onPoints(int job, const std::vector<core::RangeTestPoint>& points);
    void onFinished(int job, const core::RangeTestResult& result,
                    const core::LrSuggestions& suggestions);
    void onFailed(int job, const QString& message);
    void refresh();

    ViewContext context_;
    QWidget* widget_;
    RangeTestPlot* plot_;
    RangeTestJob* job_;
    QLabel* status_;
    QPushButton* run_;
    QPushButton* cancel_;
    QPushButton* clear_;
    std::vector<QPushButton*> use_;
    NumberField* start_;
    NumberField* end_;
    QSpinBox* iterations_;
    QAction* find_;
    std::vector<RangeTestCurve> tests_;
    int jobId_ = 0;
    int testsStarted_ = 0;
};

}  // namespace lrscope::ui
