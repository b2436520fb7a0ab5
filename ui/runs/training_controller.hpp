#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QString>
#include <QTimer>

#include "core/base/errors.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"
#include "core/training/run_pool.hpp"
#include "core/training/trainer.hpp"
#include "core/training/weight_snapshots.hpp"
#include "ui/runs/training_priority.hpp"

namespace lrscope::ui {

// How a run ended, as reported by runFinished().
struct RunOutcome {
    core::RunStatus status = core::RunStatus::Completed;
    std::optional<int> divergedAt;
    std::optional<core::NetworkWeights> finalWeights;  // the last finite weights
    // Where Continue goes on from (none for a diverged run).
    std::shared_ptr<const core::TrainingState> resumeState = nullptr;
};

// Owns the runs being trained (their mechanics only: where a run stands is the RunStore's). Each
// run trains on a worker of a core::RunPool (runs beyond the thread count wait in its queue) and is
// steered only through its own core::RunControl. The trainer's observer appends records to the
// run's buffer under a short lock; a timer in the GUI thread (about 30 Hz) drains every buffer at
// once and emits typed signals, so the GUI thread never waits for training and training never waits
// for painting. Records carry their run id: records of a removed run are dropped. The destructor
// stops every run and waits for the workers.
class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(unsigned threads = core::RunPool::defaultThreadCount(),
                                QObject* parent = nullptr);
    ~TrainingController() override;

    // Queues a new run and returns its id (ids start at 1 and are never reused).
    core::RunId start(const core::RunConfig& config);
    // Queues a finished run again to train on from `from` (its outcome's resumeState) up to
    // config.epochs, under the same id: its records continue its history, and the result is
    // the one a single longer run gives. False when the run is unknown (its id was not given
    // out here) or still active; a run removed from here after it finished may continue.
    bool continueRun(core::RunId id, const core::RunConfig& config,
                     std::shared_ptr<const core::TrainingState> from);

    // An id for a run that is not trained here (opened from a session, imported), so that it
    // never meets a trained run's id.
    core::RunId reserveId() { return nextId_++; }

    void pause(core::RunId id);
    void resume(core::RunId id);
    // Trains one more epoch, then pauses (pauses at the end of the current epoch when the run
    // is not paused).
    void step(core::RunId id);
    void stop(core::RunId id);
    void stopAll();
    // A new base learning rate from the run's next batch on; recorded in its history.
    void setLearningRate(core::RunId id, double lr);
    // Asks for the run's weights every `everyEpochs` epochs while it trains (0: `requester`
    // no longer asks), at most kMaxSnapshotsPerSecond. Each requester (a view) keeps its own
    // period; the run is asked for the shortest. Snapshots arrive through snapshotArrived at
    // the next drain, latest first: nothing queues up behind a slow view.
    void requestSnapshots(core::RunId id, const void* requester, int everyEpochs);
    static constexpr double kMaxSnapshotsPerSecond = 20.0;

    // Pace for all runs, present and future; 0 = as fast as possible.
    void setMaxEpochsPerSecond(double epochsPerSecond);
    double maxEpochsPerSecond() const { return maxEpochsPerSecond_; }

    // Stops the run if needed and forgets it: nothing more is emitted for it.
    void remove(core::RunId id);
    void removeAll();

    bool contains(core::RunId id) const { return runs_.count(id) != 0; }
    // The mechanics of a run (what the window shows is the RunStore's state).
    bool isActive(core::RunId id) const;  // queued or training, not yet finished
    bool isPaused(core::RunId id) const;  // pause() or step() asked it to hold
    // The run's trainer blocks in its RunControl until resume(), step() or stop(): every record
    // it made is in its buffer, and it makes no more until then.
    bool isHeld(core::RunId id) const;
    bool isStopRequested(core::RunId id) const;
    // No worker runs a job and none is queued: every removed run's trainer has returned.
    bool workersIdle() const;
    // Every run it knows (finished ones too, until removed), in id order.
    std::vector<core::RunId> runIds() const;
    int activeCount() const;
    int trainingCount() const;  // taken off the pool's queue and not finished
    int queuedCount() const;
    unsigned threadCount() const { return pool_.threadCount(); }
    // Epochs drained per second over the last second or so, all runs together.
    double epochsPerSecond() const { return epochsPerSecond_; }

    // Drains the buffers now instead of at the next timer tick.
    void drain();

    // How a run's input error reads in runFailed (called in the GUI thread). The default is
    // what(), which names the setting as the CLI does ("--test-fraction: ...").
    void setInputErrorText(std::function<QString(const core::InputError&)> text);

signals:
    void runQueued(lrscope::core::RunId id, const lrscope::core::RunConfig& config);
    // continueRun() queued a finished run again; `config` has its new number of epochs.
    void runContinued(lrscope::core::RunId id, const lrscope::core::RunConfig& config);
    void runStarted(lrscope::core::RunId id);  // left the queue
    // pause(), resume() or step() changed whether the run holds; `started`: it left the queue.
    void pauseChanged(lrscope::core::RunId id, bool paused, bool started);
    void recordsArrived(lrscope::core::RunId id,
                        const std::vector<lrscope::core::EpochRecord>& records);
    void runFinished(lrscope::core::RunId id, const lrscope::ui::RunOutcome& outcome);
    // The run could not start or broke off with an error (e.g. its CSV file vanished).
    void runFailed(lrscope::core::RunId id, const QString& message);
    // The newest weights of a run some view asked for (requestSnapshots).
    void snapshotArrived(lrscope::core::RunId id, const lrscope::core::WeightSnapshot& snapshot);

private:
    struct Slot;

    Slot* find(core::RunId id) const;
    void submit(const std::shared_ptr<Slot>& slot, const core::RunConfig& config,
                std::shared_ptr<const core::TrainingState> from);
    std::function<QString(const core::InputError&)> inputErrorText_;
    void updateRate(std::size_t drained);

    core::RunPool pool_;
    std::map<core::RunId, std::shared_ptr<Slot>> runs_;
    core::RunId nextId_ = 1;
    double maxEpochsPerSecond_ = 0.0;
    QTimer timer_;
    std::size_t drainedSinceMark_ = 0;
    std::chrono::steady_clock::time_point rateMark_;
    double epochsPerSecond_ = 0.0;
};

}  // namespace lrscope::ui
