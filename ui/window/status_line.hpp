#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class QTimer;

namespace lrscope::ui {

class ControlPanel;
class RunSelection;
class RunStore;
class TrainingController;

// The status bar's two read-outs: what trains ("2 training · 1 queued · 1,840 epochs/s", or
// why Train is disabled) and where the current run is ("run 3: epoch 87 / 200 · training").
// Refreshed on its own timer (4 Hz), so no signal storm reaches the status bar.
class StatusLine : public QObject {
    Q_OBJECT
public:
    StatusLine(QStatusBar& bar, const RunStore& store, const TrainingController& controller,
               const RunSelection& selection, const ControlPanel& panel);

    void refresh();
    QString activityText() const;
    QString progressText() const;

private:
    const RunStore& store_;
    const TrainingController& controller_;
    const RunSelection& selection_;
    const ControlPanel& panel_;
    QLabel* activity_;
    QLabel* progress_;
    QTimer* timer_;
};

}  // namespace lrscope::ui
