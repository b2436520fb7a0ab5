#include "ui/runs/run_store.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/run_palette.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

void noteBest(std::optional<double>& best, const std::optional<double>& value) {
    if (value && std::isfinite(*value) && (!best || *value < *best)) {
        best = value;
    }
}

RunState finishedState(core::RunStatus status) {
    switch (status) {
        case core::RunStatus::Completed:
            return RunState::Done;
        case core::RunStatus::Stopped:
            return RunState::Stopped;
        case core::RunStatus::Diverged:
            return RunState::Diverged;
    }
    return RunState::Done;
}

}  // namespace

RunStore::RunStore(QObject* parent) : QObject(parent) {}

void RunStore::follow(TrainingController& controller) {
    connect(&controller, &TrainingController::runQueued, this, &RunStore::addQueuedRun);
    connect(&controller, &TrainingController::runStarted, this, [this](core::RunId id) {
        if (Run* run = find(id); run != nullptr && run->state == RunState::Queued) {
            moveTo(*run, RunState::Training);
        }
    });
    connect(&controller, &TrainingController::pauseChanged, this,
            [this](core::RunId id, bool paused, bool started) {
                if (Run* run = find(id); run != nullptr) {
                    moveTo(*run, paused    ? RunState::Paused
                                 : started ? RunState::Training
                                           : RunState::Queued);
                }
            });
    connect(&controller, &TrainingController::recordsArrived, this, &RunStore::appendRecords);
    connect(&controller, &TrainingController::runFinished, this, &RunStore::finishRun);
    connect(&controller, &TrainingController::runContinued, this, &RunStore::continueRun);
    connect(&controller, &TrainingController::runFailed, this,
            [this](core::RunId id, const QString& message) {
                if (Run* run = find(id); run != nullptr && !isFinished(run->state)) {
                    run->failure = message;
                    moveTo(*run, RunState::Failed);
                }
            });
}

Run* RunStore::find(core::RunId id) {
    const int index = indexOf(id);
    return index < 0 ? nullptr : &runs_[static_cast<size_t>(index)];
}

const Run* RunStore::run(core::RunId id) const {
    const int index = indexOf(id);
    return index < 0 ? nullptr : &runs_[static_cast<size_t>(index)];
}

int RunStore::indexOf(core::RunId id) const {
    // Ids grow with the start order, so a binary search finds the run.
    const auto it = std::lower_bound(runs_.begin(), runs_.end(), id,
                                     [](const Run& run, core::RunId key) { return run.id < key; });
    return it == runs_.end() || it->id != id ? -1 : static_cast<int>(it - runs_.begin());
}

int RunStore::unfinishedCount() const {
    return static_cast<int>(std::count_if(runs_.begin(), runs_.end(),
                                          [](const Run& r) { return !isFinished(r.state); }));
}

void RunStore::addQueuedRun(core::RunId id, const core::RunConfig& config) {
    if (find(id) != nullptr) {
        return;
    }
    Run run;
    run.id = id;
    run.name = defaultRunName(config);
    run.styleCycle = core::runStyleCycle(nextColour_);
    run.colour = runColour(nextColour_++);
    run.config = config;
    // Reserved whole: growing a long history by doubling copies it all at once and stalls the
    // window (~75 ms at 64k epochs). Pages are only touched as epochs arrive.
    run.history.reserve(static_cast<size_t>(config.epochs) + 1);
    insertSorted(std::move(run));
    emit runAdded(id);
}

core::RunId RunStore::addFinishedRun(Run run) {
    if (!run.colour.isValid()) {
        run.colour = runColour(nextColour_);
    }
    run.styleCycle = core::runStyleCycle(nextColour_);
    ++nextColour_;
    if (run.name.isEmpty()) {
        run.name = defaultRunName(run.config);
    }
    for (const core::EpochRecord& record : run.history) {
        noteBest(run.bestTestLoss, record.testLoss);
        noteBest(run.bestTrainLoss, record.trainLoss);
    }
    for (const auto& point : run.importedPoints) {
        noteBest(run.bestTrainLoss, point[1]);
    }
    const core::RunId id = run.id;
    insertSorted(std::move(run));
    emit runAdded(id);
    return id;
}

void RunStore::insertSorted(Run run) {
    const auto at = std::lower_bound(runs_.begin(), runs_.end(), run.id,
                                     [](const Run& r, core::RunId key) { return r.id < key; });
    runs_.insert(at, std::move(run));
}

void RunStore::appendRecords(core::RunId id, const std::vector<core::EpochRecord>& records) {
    Run* run = find(id);
    if (run == nullptr || records.empty() || isFinished(run->state)) {
        return;
    }
    const int first = static_cast<int>(run->history.size());
    bool rateChanged = false;
    for (const core::EpochRecord& record : records) {
        noteBest(run->bestTestLoss, record.testLoss);
        noteBest(run->bestTrainLoss, record.trainLoss);
        if (record.lrChangedTo) {
            run->lrChanges.push_back({record.epoch, *record.lrChangedTo});
            rateChanged = true;
        }
    }
    run->history.insert(run->history.end(), records.begin(), records.end());
    if (run->state == RunState::Queued) {
        moveTo(*run, RunState::Training);
    }
    emit recordsAppended(id, first, static_cast<int>(records.size()));
    if (rateChanged) {
        emit runChanged(id, LearningRate);
    }
}

void RunStore::finishRun(core::RunId id, const RunOutcome& outcome) {
    Run* run = find(id);
    if (run == nullptr || isFinished(run->state)) {
        return;
    }
    run->finalWeights = outcome.finalWeights;
    run->resumeState = outcome.resumeState;
    if (outcome.status == core::RunStatus::Diverged) {
        run->divergedAt = outcome.divergedAt;
    }
    RunState state = finishedState(outcome.status);
    if (!isLegalTransition(run->state, state)) {
        state = RunState::Stopped;  // e.g. diverged at epoch 0, before it was seen training
    }
    moveTo(*run, state);
}

void RunStore::continueRun(core::RunId id, const core::RunConfig& config) {
    Run* run = find(id);
    if (run == nullptr || !isLegalTransition(run->state, RunState::Queued)) {
        return;
    }
    run->config = config;
    run->resumeState.reset();  // used up: the run's next end brings a new one
    run->history.reserve(static_cast<size_t>(config.epochs) + 1);
    moveTo(*run, RunState::Queued);
}

void RunStore::moveTo(Run& run, RunState state) {
    if (!isLegalTransition(run.state, state)) {
        return;
    }
    run.state = state;
    emit runChanged(run.id, State);
}

void RunStore::setName(core::RunId id, const QString& name) {
    Run* run = find(id);
    const QString trimmed = name.trimmed();
    if (run == nullptr || trimmed.isEmpty() || trimmed == run->name) {
        return;
    }
    run->name = trimmed;
    emit runChanged(id, Name);
}

void RunStore::setColour(core::RunId id, const QColor& colour) {
    Run* run = find(id);
    if (run == nullptr || !colour.isValid() || colour == run->colour) {
        return;
    }
    run->colour = colour;
    emit runChanged(id, Colour);
}

void RunStore::setVisible(core::RunId id, bool visible) {
    Run* run = find(id);
    if (run == nullptr || run->visible == visible) {
        return;
    }
    run->visible = visible;
    emit runChanged(id, Visibility);
}

void RunStore::setSweep(core::RunId id, int sweep) {
    Run* run = find(id);
    if (run == nullptr || sweep < 0 || run->sweep == sweep) {
        return;
    }
    run->sweep = sweep;
    emit runChanged(id, Sweep);
}

int RunStore::lastSweep() const {
    int last = 0;
    for (const Run& run : runs_) {
        last = std::max(last, run.sweep);
    }
    return last;
}

std::vector<Run> RunStore::take(const std::vector<core::RunId>& ids) {
    // A copy: `ids` may be a listener's own list (the selection), which shrinks as runs go.
    const std::vector<core::RunId> wanted = ids;
    std::vector<Run> taken;
    for (const core::RunId id : wanted) {
        const int index = indexOf(id);
        if (index < 0) {
            continue;
        }
        taken.push_back(std::move(runs_[static_cast<size_t>(index)]));
        runs_.erase(runs_.begin() + index);
        emit runRemoved(id);
    }
    return taken;
}

std::vector<Run> RunStore::takeAll() {
    std::vector<Run> taken = std::move(runs_);
    runs_.clear();
    nextColour_ = 0;
    emit cleared();
    return taken;
}

void RunStore::restore(std::vector<Run> runs) {
    for (Run& run : runs) {
        if (find(run.id) != nullptr) {
            continue;
        }
        if (!isFinished(run.state)) {
            run.state = RunState::Stopped;
        }
        const core::RunId id = run.id;
        insertSorted(std::move(run));
        emit runAdded(id);
    }
    // Colours continue after the restored runs, as if they had never been taken.
    nextColour_ = std::max(nextColour_, static_cast<int>(runs_.size()));
}

}  // namespace lrscope::ui
