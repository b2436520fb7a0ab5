#include "ui/commands/continue_run_command.hpp"

#include <algorithm>

#include <QAction>
#include <QInputDialog>

#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

constexpr int kMaxEpochs = 1'000'000;  // the panel's limit for a whole run

}  // namespace

ContinueRunCommand::ContinueRunCommand(RunStore& store, TrainingController& controller,
                                       const RunSelection& selection, QWidget* window)
    : QObject(window),
      store_(store),
      controller_(controller),
      selection_(selection),
      window_(window),
      action_(new QAction(tr("&Continue for N more epochs..."), this)) {
    connect(action_, &QAction::triggered, this, &ContinueRunCommand::onTriggered);
    connect(&store_, &RunStore::runChanged, this, &ContinueRunCommand::refresh);
    connect(&store_, &RunStore::runRemoved, this, &ContinueRunCommand::refresh);
    connect(&store_, &RunStore::cleared, this, &ContinueRunCommand::refresh);
    connect(&selection_, &RunSelection::changed, this, &ContinueRunCommand::refresh);
    refresh();
}

QString ContinueRunCommand::whyNot(const Run* run) {
    if (run == nullptr) {
        return tr("Select a finished run to continue it.");
    }
    if (!isFinished(run->state)) {
        return tr("%1 is still %2.").arg(run->name, runStateName(run->state));
    }
    if (run->state == RunState::Diverged || run->state == RunState::Failed) {
        return tr("%1 %2: there is nothing to continue from.")
            .arg(run->name, runStateName(run->state));
    }
    if (run->resumeState == nullptr) {
        return tr("%1 keeps no optimizer state to continue from: runs read from a file, and "
                  "runs deleted while they trained, have none.")
            .arg(run->name);
    }
    if (run->resumeState->epoch >= kMaxEpochs) {
        return tr("%1 has trained the most epochs a run may have.").arg(run->name);
    }
    return {};
}

void ContinueRunCommand::refresh() {
    const Run* run = store_.run(selection_.current());
    const QString reason = whyNot(run);
    action_->setEnabled(reason.isEmpty());
    action_->setToolTip(reason.isEmpty()
                            ? tr("Train %1 on from epoch %2 with its optimizer state kept")
                                  .arg(run->name)
                                  .arg(run->resumeState->epoch)
                            : reason);
}

bool ContinueRunCommand::continueRun(core::RunId id, int moreEpochs) {
    const Run* run = store_.run(id);
    if (!whyNot(run).isEmpty() || moreEpochs < 1) {
        return false;
    }
    const int from = run->resumeState->epoch;
    if (moreEpochs > kMaxEpochs - from) {
        return false;
    }
    core::RunConfig config = run->config;
    config.epochs = from + moreEpochs;
    const auto state = run->resumeState;
    const QString name = run->name;
    if (!controller_.continueRun(id, config, state)) {
        return false;
    }
    emit message(tr("%1 continues from epoch %2 to %3").arg(name).arg(from).arg(config.epochs),
                 4000);
    return true;
}

void ContinueRunCommand::onTriggered() {
    const core::RunId id = selection_.current();
    const Run* run = store_.run(id);
    if (!whyNot(run).isEmpty()) {
        return;
    }
    std::optional<int> more;
    if (ask_) {
        more = ask_(*run);
    } else {
        bool ok = false;
        const int from = run->resumeState->epoch;
        // A run stopped early is offered the rest of its plan, a finished one as many again.
        const int suggested =
            from < run->config.epochs ? run->config.epochs - from : std::max(1, run->config.epochs);
        const int value = QInputDialog::getInt(
            window_, tr("Continue %1").arg(run->name),
            tr("%1 has trained %2 epochs. Train it for how many more?\n"
               "Its optimizer state is kept, so the curve goes on as one longer run.")
                .arg(run->name)
                .arg(from),
            std::min(suggested, kMaxEpochs - from), 1, kMaxEpochs - from, 1, &ok);
        if (ok) {
            more = value;
        }
    }
    if (more) {
        continueRun(id, *more);
    }
}

}  // namespace lrscope::ui
