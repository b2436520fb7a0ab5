#include "ui/runs/training_controller.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/base/errors.hpp"
#include "core/training/run_control.hpp"
#include "ui/runs/training_priority.hpp"

namespace lrscope::ui {

namespace {

constexpr int kDrainIntervalMs = 33;

// Gives every training thread a malloc arena of its own and returns `threads`. glibc makes
// 8 arenas per core and then has threads share them, the GUI thread's among them: a training
// thread that the scheduler put aside while it held that arena's lock (setting up or finishing a
// run) held the window for as long, 90 ms with 32 runs. Called before the pool's threads exist;
// glibc fixes its limit when the ninth arena is made.
unsigned withArenasFor(unsigned threads) {
#ifdef __GLIBC__
    // Only ever raised: a later controller with fewer threads must not take arenas away.
    // (Controllers are made on the GUI thread.)
    static unsigned limit = 8 * std::max(1U, std::thread::hardware_concurrency());
    constexpr unsigned kWindowThreads = 16;  // the GUI's, Qt's pool and the views' workers
    if (threads + kWindowThreads > limit) {
        limit = threads + kWindowThreads;
        mallopt(M_ARENA_MAX, static_cast<int>(limit));
    }
#endif
    return threads;
}

}  // namespace

// What a run shares between its worker (observer) and the GUI thread.
struct TrainingController::Slot {
    explicit Slot(core::RunId runId) : id(runId) {}

    const core::RunId id;
    core::RunControl control;
    std::atomic<bool> started{false};

    std::mutex mutex;  // guards the four below
    std::vector<core::EpochRecord> pending;
    std::optional<RunOutcome> outcome;
    std::optional<QString> failure;
    std::optional<core::InputError> inputError;  // worded in the GUI thread

    // GUI thread only.
    // The storage of the last records drained, cleared, handed back to the trainer at the next
    // drain: the two buffers go back and forth, so in the long run the trainer never allocates
    // and the GUI thread never frees the trainer's memory. (Either waited for a malloc arena
    // lock held by a training thread the scheduler had put aside, 70-120 ms with 32 runs.)
    std::vector<core::EpochRecord> spare;
    bool startReported = false;
    bool finished = false;
    bool holdRequested = false;  // pause() or step() asked the run to hold; resume() cleared it
    std::map<const void*, int> snapshotPeriods;  // by requester
};

namespace {

// Runs on the worker: moves records into the run's buffer under a short lock.
class BufferingObserver : public core::TrainingObserver {
public:
    using Deliver = std::function<void(const core::EpochRecord&)>;
    explicit BufferingObserver(Deliver deliver) : deliver_(std::move(deliver)) {}
    void onEpoch(const core::EpochRecord& record) override { deliver_(record); }
    // The records reach the run store through deliver_: the result need not hold them too.
    bool wantsHistory() const override { return false; }

private:
    Deliver deliver_;
};

}  // namespace

TrainingController::TrainingController(unsigned threads, QObject* parent)
    : QObject(parent), pool_(withArenasFor(threads == 0 ? 1 : threads)) {
    timer_.setInterval(kDrainIntervalMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &TrainingController::drain);
    rateMark_ = std::chrono::steady_clock::now();
}

TrainingController::~TrainingController() {
    for (auto& [id, slot] : runs_) {
        slot->control.stop();
    }
    // pool_ is destroyed next: it discards queued jobs and joins the running ones, which
    // return promptly because their RunControl asks them to stop.
}

TrainingController::Slot* TrainingController::find(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : it->second.get();
}

core::RunId TrainingController::start(const core::RunConfig& config) {
    const core::RunId id = nextId_++;
    auto slot = std::make_shared<Slot>(id);
    runs_.emplace(id, slot);
    submit(slot, config, nullptr);
    emit runQueued(id, config);
    return id;
}

bool TrainingController::continueRun(core::RunId id, const core::RunConfig& config,
                                     std::shared_ptr<const core::TrainingState> from) {
    const Slot* old = find(id);
    // A run removed from here (deleted, then brought back by Undo) continues too: its id was
    // given out here and is never reused.
    const bool known = old != nullptr || (id > 0 && id < nextId_);
    if (!known || (old != nullptr && !old->finished) || from == nullptr) {
        return false;
    }
    // A fresh slot: the old one's trainer has returned (its outcome was drained).
    auto slot = std::make_shared<Slot>(id);
    if (old != nullptr) {
        slot->snapshotPeriods = old->snapshotPeriods;  // views that watched it keep watching
    }
    int period = 0;
    for (const auto& [who, every] : slot->snapshotPeriods) {
        period = period == 0 ? every : std::min(period, every);
    }
    if (period > 0) {
        slot->control.snapshots().request(period, kMaxSnapshotsPerSecond);
    }
    runs_[id] = slot;
    submit(slot, config, std::move(from));
    emit runContinued(id, config);
    return true;
}

void TrainingController::submit(const std::shared_ptr<Slot>& slot, const core::RunConfig& config,
                                std::shared_ptr<const core::TrainingState> from) {
    if (maxEpochsPerSecond_ > 0.0) {
        slot->control.setMaxEpochsPerSecond(maxEpochsPerSecond_);
    }
    pool_.submit([slot, config, from, niceness = trainingNiceness(pool_.threadCount())] {
        lowerThisThreadForTraining(niceness);
        slot->started.store(true, std::memory_order_release);
        BufferingObserver observer([&slot](const core::EpochRecord& record) {
            const std::lock_guard lock(slot->mutex);
            slot->pending.push_back(record);
        });
        try {
            core::RunResult result =
                core::train(slot->id, config, slot->control, observer, from.get());
            std::shared_ptr<const core::TrainingState> resume;
            if (result.resumeState) {
                resume =
                    std::make_shared<const core::TrainingState>(std::move(*result.resumeState));
            }
            const std::lock_guard lock(slot->mutex);
            slot->outcome = RunOutcome{result.status, result.divergedAt,
                                       std::move(result.finalWeights), std::move(resume)};
        } catch (const core::InputError& error) {
            const std::lock_guard lock(slot->mutex);
            slot->inputError = error;
        } catch (const std::exception& error) {
            const std::lock_guard lock(slot->mutex);
            slot->failure = QStringLiteral("internal error: %1").arg(error.what());
        } catch (...) {
            const std::lock_guard lock(slot->mutex);
            slot->failure = QStringLiteral("internal error");
        }
    });
    if (!timer_.isActive()) {
        timer_.start();
    }
}

void TrainingController::drain() {
    std::size_t drained = 0;
    bool anyActive = false;
    // Collect first, emit afterwards: a slot connected to our signals may remove runs.
    struct Delivery {
        core::RunId id;
        bool started;
        std::vector<core::EpochRecord> records;
        std::optional<RunOutcome> outcome;
        std::optional<QString> failure;
        std::optional<core::WeightSnapshot> snapshot;
    };
    std::vector<Delivery> deliveries;
    for (auto& [id, slot] : runs_) {
        if (slot->finished) {
            continue;
        }
        Delivery d{id, false, {}, std::nullopt, std::nullopt, std::nullopt};
        std::optional<core::InputError> inputError;
        {
            // Never wait for a training thread: one the scheduler put aside while it held its
            // slot (it runs at a lower priority) would hold the window for as long. Its records
            // come with the next drain.
            const std::unique_lock lock(slot->mutex, std::try_to_lock);
            if (!lock.owns_lock()) {
                anyActive = true;
                continue;
            }
            d.records.swap(slot->pending);
            slot->pending.swap(slot->spare);
            d.outcome = std::move(slot->outcome);
            d.failure = slot->failure;
            inputError = slot->inputError;
        }
        if (!slot->snapshotPeriods.empty()) {
            d.snapshot = slot->control.snapshots().tryTake();
        }
        if (inputError) {
            d.failure = inputErrorText_ ? inputErrorText_(*inputError)
                                        : QString::fromStdString(inputError->what());
        }
        if (!slot->startReported && slot->started.load(std::memory_order_acquire)) {
            slot->startReported = true;
            d.started = true;
        }
        drained += d.records.size();
        if (d.outcome || d.failure) {
            slot->finished = true;
        } else {
            anyActive = true;
        }
        if (d.started || !d.records.empty() || d.outcome || d.failure || d.snapshot) {
            deliveries.push_back(std::move(d));
        }
    }
    for (Delivery& d : deliveries) {
        if (d.started && contains(d.id)) {
            emit runStarted(d.id);
        }
        if (!d.records.empty() && contains(d.id)) {
            emit recordsArrived(d.id, d.records);
            if (Slot* slot = find(d.id); slot != nullptr && slot->spare.capacity() == 0) {
                d.records.clear();
                slot->spare.swap(d.records);
            }
        }
        if (d.snapshot && contains(d.id)) {
            emit snapshotArrived(d.id, *d.snapshot);
        }
        if (d.failure && contains(d.id)) {
            emit runFailed(d.id, *d.failure);
        } else if (d.outcome && contains(d.id)) {
            emit runFinished(d.id, *d.outcome);
        }
    }
    updateRate(drained);
    if (!anyActive) {
        timer_.stop();
        epochsPerSecond_ = 0.0;
    }
}

void TrainingController::setInputErrorText(std::function<QString(const core::InputError&)> text) {
    inputErrorText_ = std::move(text);
}

void TrainingController::updateRate(std::size_t drained) {
    drainedSinceMark_ += drained;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - rateMark_).count();
    if (elapsed >= 0.5) {
        epochsPerSecond_ = static_cast<double>(drainedSinceMark_) / elapsed;
        drainedSinceMark_ = 0;
        rateMark_ = now;
    }
}

void TrainingController::pause(core::RunId id) {
    if (Slot* slot = find(id); slot != nullptr && !slot->finished) {
        slot->control.pause();
        slot->holdRequested = true;
        emit pauseChanged(id, true, slot->startReported);
    }
}

void TrainingController::resume(core::RunId id) {
    if (Slot* slot = find(id); slot != nullptr && !slot->finished) {
        slot->control.resume();
        slot->holdRequested = false;
        emit pauseChanged(id, false, slot->startReported);
    }
}

void TrainingController::step(core::RunId id) {
    if (Slot* slot = find(id); slot != nullptr && !slot->finished) {
        slot->control.stepEpoch();
        slot->holdRequested = true;
        emit pauseChanged(id, true, slot->startReported);
    }
}

void TrainingController::stop(core::RunId id) {
    if (Slot* slot = find(id); slot != nullptr) {
        slot->control.stop();
    }
}

void TrainingController::stopAll() {
    for (auto& [id, slot] : runs_) {
        slot->control.stop();
    }
}

void TrainingController::setLearningRate(core::RunId id, double lr) {
    if (Slot* slot = find(id); slot != nullptr && !slot->finished) {
        slot->control.setLearningRate(lr);
    }
}

void TrainingController::requestSnapshots(core::RunId id, const void* requester, int everyEpochs) {
    Slot* slot = find(id);
    if (slot == nullptr || slot->finished) {
        return;
    }
    if (everyEpochs > 0) {
        slot->snapshotPeriods[requester] = everyEpochs;
    } else {
        slot->snapshotPeriods.erase(requester);
    }
    int period = 0;
    for (const auto& [who, every] : slot->snapshotPeriods) {
        period = period == 0 ? every : std::min(period, every);
    }
    slot->control.snapshots().request(period, kMaxSnapshotsPerSecond);
}

void TrainingController::setMaxEpochsPerSecond(double epochsPerSecond) {
    maxEpochsPerSecond_ = epochsPerSecond;
    for (auto& [id, slot] : runs_) {
        if (!slot->finished) {
            slot->control.setMaxEpochsPerSecond(epochsPerSecond);
        }
    }
}

void TrainingController::remove(core::RunId id) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    // The worker keeps its own reference to the slot until it returns; nobody drains it.
    it->second->control.stop();
    runs_.erase(it);
}

void TrainingController::removeAll() {
    stopAll();
    runs_.clear();
}

bool TrainingController::isActive(core::RunId id) const {
    const Slot* slot = find(id);
    return slot != nullptr && !slot->finished;
}

bool TrainingController::isPaused(core::RunId id) const {
    const Slot* slot = find(id);
    return slot != nullptr && !slot->finished && slot->holdRequested;
}

bool TrainingController::isHeld(core::RunId id) const {
    const Slot* slot = find(id);
    return slot != nullptr && slot->control.isHeld();
}

bool TrainingController::isStopRequested(core::RunId id) const {
    const Slot* slot = find(id);
    return slot != nullptr && slot->control.stopRequested();
}

bool TrainingController::workersIdle() const {
    return pool_.queuedCount() == 0 && pool_.runningCount() == 0;
}

std::vector<core::RunId> TrainingController::runIds() const {
    std::vector<core::RunId> ids;
    ids.reserve(runs_.size());
    for (const auto& [id, slot] : runs_) {
        ids.push_back(id);
    }
    return ids;
}

int TrainingController::trainingCount() const {
    int count = 0;
    for (const auto& [id, slot] : runs_) {
        count += (!slot->finished && slot->started.load(std::memory_order_acquire)) ? 1 : 0;
    }
    return count;
}

int TrainingController::queuedCount() const {
    int count = 0;
    for (const auto& [id, slot] : runs_) {
        count += (!slot->finished && !slot->started.load(std::memory_order_acquire)) ? 1 : 0;
    }
    return count;
}

int TrainingController::activeCount() const {
    int count = 0;
    for (const auto& [id, slot] : runs_) {
        count += slot->finished ? 0 : 1;
    }
    return count;
}

}  // namespace lrscope::ui
