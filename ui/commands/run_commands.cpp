#include "ui/commands/run_commands.hpp"

#include <QAction>
#include <QMessageBox>
#include <QStyle>
#include <QWidget>

#include "core/base/number_format.hpp"
#include "ui/commands/lesson_command.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

QString withShortcut(const QString& text, const QAction* action) {
    return QStringLiteral("%1 (%2)").arg(text,
                                         action->shortcut().toString(QKeySequence::NativeText));
}

QString runCount(std::size_t count) {
    return count == 1 ? QObject::tr("1 run") : QObject::tr("%1 runs").arg(count);
}

}  // namespace

RunCommands::RunCommands(RunStore& store, TrainingController& controller, RunSelection& selection,
                         ControlPanel& panel, QWidget* window)
    : QObject(window),
      store_(store),
      controller_(controller),
      selection_(selection),
      panel_(panel),
      window_(window) {
    buildActions();
    lesson_ = new LessonCommand(store_, controller_, panel_, this);
    connect(lesson_, &LessonCommand::message, this, &RunCommands::message);
    connect(&store_, &RunStore::runChanged, this, [this](core::RunId, unsigned what) {
        if ((what & RunStore::State) != 0U) {
            refreshActions();
        }
    });
    connect(&store_, &RunStore::runAdded, this, &RunCommands::refreshActions);
    connect(&store_, &RunStore::runRemoved, this, &RunCommands::refreshActions);
    connect(&store_, &RunStore::cleared, this, &RunCommands::refreshActions);
    connect(&selection_, &RunSelection::changed, this, &RunCommands::refreshActions);
    connect(&panel_, &ControlPanel::validityChanged, this, &RunCommands::refreshActions);
    connect(&panel_, &ControlPanel::learningRateCommitted, this,
            &RunCommands::onLearningRateCommitted);
    refreshActions();
}

void RunCommands::buildActions() {
    QStyle* s = window_->style();
    train_ = new QAction(s->standardIcon(QStyle::SP_MediaPlay), tr("&Train"), this);
    train_->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Return")), QKeySequence(Qt::Key_F5)});
    pause_ = new QAction(s->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    pause_->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(QStringLiteral("Ctrl+P"))});
    step_ = new QAction(s->standardIcon(QStyle::SP_MediaSkipForward), tr("St&ep"), this);
    step_->setShortcut(QKeySequence(Qt::Key_F7));
    stop_ = new QAction(s->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
    stop_->setShortcut(QKeySequence(Qt::Key_F8));
    stopAll_ = new QAction(s->standardIcon(QStyle::SP_BrowserStop), tr("Stop &all"), this);
    stopAll_->setShortcut(QKeySequence(QStringLiteral("Shift+F8")));
    clearAll_ = new QAction(s->standardIcon(QStyle::SP_DialogResetButton), tr("&Clear all"), this);
    clearAll_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Backspace")));
    undo_ = new QAction(tr("&Undo"), this);
    undo_->setShortcut(QKeySequence::Undo);

    step_->setToolTip(withShortcut(tr("Train one more epoch, then pause"), step_));
    stop_->setToolTip(withShortcut(tr("Stop the selected run (or the newest running one); it "
                                      "keeps its curve"),
                                   stop_));
    stopAll_->setToolTip(withShortcut(tr("Stop every run"), stopAll_));
    clearAll_->setToolTip(
        withShortcut(tr("Stop and remove every run (Undo brings them back)"), clearAll_));

    connect(train_, &QAction::triggered, this, [this] { train(); });
    connect(pause_, &QAction::triggered, this, &RunCommands::togglePause);
    connect(step_, &QAction::triggered, this, &RunCommands::stepRun);
    connect(stop_, &QAction::triggered, this, &RunCommands::stopRun);
    connect(stopAll_, &QAction::triggered, this, &RunCommands::stopAll);
    connect(clearAll_, &QAction::triggered, this, &RunCommands::clearAll);
    connect(undo_, &QAction::triggered, this, &RunCommands::undo);
}

bool RunCommands::confirm(const QString& title, const QString& question) const {
    if (confirm_) {
        return confirm_(title, question);
    }
    return QMessageBox::question(window_, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

QAction* RunCommands::lessonAction() const {
    return lesson_->action();
}

std::vector<QAction*> RunCommands::runActions() const {
    return {train_, pause_, step_, stop_, stopAll_, clearAll_};
}

core::RunId RunCommands::train() {
    const auto& config = panel_.config();
    if (!config) {
        emit message(tr("Cannot train — %1").arg(panel_.invalidReason()), 8000);
        return 0;
    }
    // The store adds the run when the controller queues it.
    return controller_.start(*config);
}

core::RunId RunCommands::targetRun() const {
    if (const core::RunId selected = selection_.current(); selected != 0) {
        return selected;
    }
    const auto& runs = store_.runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (!isFinished(it->state)) {
            return it->id;
        }
    }
    return 0;
}

core::RunId RunCommands::liveRun() const {
    const core::RunId selected = selection_.current();
    const Run* run = selected != 0 ? store_.run(selected) : nullptr;
    return run != nullptr && !isFinished(run->state) ? selected : 0;
}

void RunCommands::togglePause() {
    const Run* run = store_.run(targetRun());
    if (run == nullptr || isFinished(run->state)) {
        return;
    }
    if (run->state == RunState::Paused) {
        controller_.resume(run->id);
    } else {
        controller_.pause(run->id);
    }
}

void RunCommands::stepRun() {
    const Run* run = store_.run(targetRun());
    if (run != nullptr && !isFinished(run->state)) {
        controller_.step(run->id);
    }
}

void RunCommands::stopRun() {
    if (const core::RunId id = targetRun(); id != 0) {
        controller_.stop(id);
    }
}

void RunCommands::stopAll() {
    controller_.stopAll();
}

void RunCommands::clearAll() {
    if (store_.empty()) {
        return;
    }
    const int unfinished = store_.unfinishedCount();
    if (unfinished > 0 &&
        !confirm(tr("Clear all runs"), tr("Runs are still training (%1). Stop and remove every "
                                          "run?\n\nEdit > Undo brings them back, stopped.")
                                           .arg(unfinished))) {
        return;
    }
    controller_.removeAll();
    keepForUndo(store_.takeAll(), tr("Cleared"));
}

void RunCommands::deleteRuns(std::vector<core::RunId> ids) {
    for (const core::RunId id : ids) {
        controller_.remove(id);
    }
    keepForUndo(store_.take(ids), tr("Deleted"));
}

void RunCommands::keepForUndo(std::vector<Run> runs, const QString& what) {
    if (runs.empty()) {
        return;
    }
    const QString count = runCount(runs.size());
    undoRuns_ = std::move(runs);
    undo_->setText(tr("&Undo %1 of %2").arg(what.toLower(), count));
    emit message(tr("%1 %2 — Undo (%3) brings them back")
                     .arg(what, count, undo_->shortcut().toString(QKeySequence::NativeText)),
                 8000);
    refreshActions();
}

void RunCommands::undo() {
    if (undoRuns_.empty()) {
        return;
    }
    const QString count = runCount(undoRuns_.size());
    store_.restore(std::move(undoRuns_));
    undoRuns_.clear();
    undo_->setText(tr("&Undo"));
    emit message(tr("Restored %1").arg(count), 6000);
    refreshActions();
}

void RunCommands::useSettingsOf(core::RunId id) {
    const Run* run = store_.run(id);
    if (run == nullptr) {
        return;
    }
    if (run->imported()) {
        // Another tool's file says too little about how it trained to fill the panel.
        emit message(tr("%1 is imported: its settings are not known").arg(run->name), 6000);
        return;
    }
    if (const QString error = panel_.setConfig(run->config); !error.isEmpty()) {
        QMessageBox::warning(window_, tr("Settings not copied"),
                             tr("%1\n\nThe panel keeps its settings.").arg(error));
        return;
    }
    emit message(tr("The panel now holds the settings of %1").arg(run->name), 6000);
}

void RunCommands::forgetUndo() {
    undoRuns_.clear();
    refreshActions();
}

void RunCommands::onLearningRateCommitted(double lr) {
    const core::RunId id = liveRun();
    if (id == 0) {
        return;
    }
    controller_.setLearningRate(id, lr);
    emit message(tr("Run %1: learning rate %2 from its next batch")
                     .arg(id)
                     .arg(QString::fromStdString(core::formatCompact(lr))),
                 6000);
}

void RunCommands::refreshActions() {
    const bool valid = panel_.config().has_value();
    train_->setEnabled(valid);
    train_->setToolTip(valid ? withShortcut(tr("Start a new run with the panel's settings"), train_)
                             : tr("Cannot train — %1").arg(panel_.invalidReason()));
    const core::RunId target = targetRun();
    const Run* run = target != 0 ? store_.run(target) : nullptr;
    const bool active = run != nullptr && !isFinished(run->state);
    const bool paused = active && run->state == RunState::Paused;
    pause_->setEnabled(active);
    pause_->setText(paused ? tr("&Resume") : tr("&Pause"));
    pause_->setIcon(
        window_->style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    pause_->setToolTip(withShortcut(paused ? tr("Resume run %1").arg(target)
                                           : tr("Pause the selected run (or the newest "
                                                "running one)"),
                                    pause_));
    step_->setEnabled(active);
    stop_->setEnabled(active);
    stopAll_->setEnabled(store_.unfinishedCount() > 0);
    clearAll_->setEnabled(!store_.empty());
    undo_->setEnabled(canUndo());

    const core::RunId live = liveRun();
    const Run* liveEntry = live != 0 ? store_.run(live) : nullptr;
    panel_.learningRatePanel()->setLiveTarget(
        liveEntry != nullptr
            ? tr("run %1 (%2, %3)").arg(live).arg(liveEntry->name, runStateName(liveEntry->state))
            : QString());
}

}  // namespace lrscope::ui
