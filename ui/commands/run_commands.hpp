#pragma once

#include <functional>
#include <vector>

#include <QObject>

#include "core/training/epoch_record.hpp"
#include "ui/runs/run_store.hpp"

class QAction;
class QWidget;

namespace lrscope::ui {

class ControlPanel;
class LessonCommand;
class RunSelection;
class TrainingController;

// What the user asks of runs, in one place: Train, Pause/Resume, Step, Stop, Stop all,
// Clear all, Delete, Undo, "Use these settings" and a live learning-rate change. Owns the
// actions the toolbar and the Run and Edit menus show and keeps them enabled as the store,
// the selection and the panel allow. Goes through the controller for everything a trainer
// must hear, and the store for everything the window shows.
class RunCommands : public QObject {
    Q_OBJECT
public:
    RunCommands(RunStore& store, TrainingController& controller, RunSelection& selection,
                ControlPanel& panel, QWidget* window);

    // Starts a run with the panel's settings; returns its id, or 0 when they are invalid.
    core::RunId train();
    // The run Pause / Step / Stop act on: the selected run, else the newest unfinished one.
    core::RunId targetRun() const;
    // The run a learning-rate change goes to live: the selected run while it is unfinished.
    core::RunId liveRun() const;
    void togglePause();
    void stepRun();
    void stopRun();
    void stopAll();
    // Removes every run (asks first while some train); Undo brings them back.
    void clearAll();
    // Takes its own copy of `ids`: they may be the selection, which removal changes.
    void deleteRuns(std::vector<core::RunId> ids);
    // Puts back the runs the last Delete or Clear all removed (finished ones as they were,
    // training ones stopped at their last epoch).
    void undo();
    bool canUndo() const { return !undoRuns_.empty(); }
    // Drops what Undo would bring back (a new or opened session replaces every run).
    void forgetUndo();
    void useSettingsOf(core::RunId id);

    QAction* trainAction() const { return train_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stepAction() const { return step_; }
    QAction* stopAction() const { return stop_; }
    QAction* stopAllAction() const { return stopAll_; }
    QAction* clearAllAction() const { return clearAll_; }
    QAction* undoAction() const { return undo_; }
    // Help > "Show me: too low, just right, too high" (also the empty loss plot's link).
    QAction* lessonAction() const;
    LessonCommand& lesson() const { return *lesson_; }
    // The actions of the toolbar and the Run menu, in order.
    std::vector<QAction*> runActions() const;

    // How a yes/no question reaches the user (default: a message box); tests and the stress
    // driver answer without a dialog.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    void setConfirm(Confirm confirm) { confirm_ = std::move(confirm); }
    bool confirm(const QString& title, const QString& question) const;

signals:
    // A short note for the status bar.
    void message(const QString& text, int timeoutMs);

private:
    void buildActions();
    void refreshActions();
    void onLearningRateCommitted(double lr);
    void keepForUndo(std::vector<Run> runs, const QString& what);

    RunStore& store_;
    TrainingController& controller_;
    RunSelection& selection_;
    ControlPanel& panel_;
    QWidget* window_;
    QAction* train_ = nullptr;
    QAction* pause_ = nullptr;
    QAction* step_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* stopAll_ = nullptr;
    QAction* clearAll_ = nullptr;
    QAction* undo_ = nullptr;
    std::vector<Run> undoRuns_;
    LessonCommand* lesson_ = nullptr;
    Confirm confirm_;
};

}  // namespace lrscope::ui
