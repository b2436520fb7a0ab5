#pragma once

#include <vector>

#include <QObject>
#include <QTimer>

#include "core/training/epoch_record.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/sweep/sweep_dialog.hpp"
#include "ui/views/sweep/sweep_plot.hpp"
#include "ui/views/view_context.hpp"

class QCheckBox;
class QComboBox;
class QLabel;

namespace lrscope::ui {

struct Run;

// The sweep in the window. "Sweep..." (Run menu) asks for a rate range and optimizers and
// queues every run through the controller, as Train does; the runs train on the pool like any
// run and show in the run list and the loss plot. The view draws their U-curve (a SweepPlot:
// one line per optimizer and settings group) and grows it live as they train; clicking a point
// selects its run. Runs the user deletes leave the curve. Owned by the window's list of views.
class SweepView : public QObject, public RunView {
    Q_OBJECT
public:
    SweepView(const ViewContext& context, QWidget* parent);

    QString key() const override { return QStringLiteral("sweep"); }
    QString title() const override { return tr("Sweep (U-curve)"); }
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }
    QList<QAction*> runMenuActions() const override;
    QCustomPlot* exportablePlot() const override;
    QJsonObject sessionState() const override;
    void restoreSessionState(const QJsonObject& state) override;

    // Queues the runs of `request` with the panel's other settings; returns their ids (none,
    // with the reason shown, when the panel's settings are invalid).
    std::vector<core::RunId> startSweep(const SweepRequest& request);
    // Opens the dialog and starts the sweep it returns.
    void openDialog();

    SweepPlot* plot() const { return plot_; }
    QComboBox* measureBox() const { return measure_; }
    QCheckBox* logYBox() const { return logY_; }
    QLabel* statusLabel() const { return status_; }
    QAction* sweepAction() const { return sweep_; }
    // The runs the U-curve draws: every run of a sweep in the store, in start order.
    std::vector<core::RunId> members() const;
    // True while a store change waits for the plot's next (coalesced) refresh.
    bool refreshPending() const { return refreshTimer_.isActive(); }

private:
    void scheduleRefresh();
    void refresh();
    bool isMember(core::RunId id) const;
    void showProgress(const std::vector<const Run*>& runs);

    ViewContext context_;
    QWidget* widget_;
    SweepPlot* plot_;
    QComboBox* measure_;
    QCheckBox* logY_;
    QLabel* status_;  // progress of the sweeps, or why one could not start
    QAction* sweep_;
    int sweepsStarted_ = 0;  // here, since the window opened
    SweepRequest lastRequest_;
    QTimer refreshTimer_;
};

}  // namespace lrscope::ui
