#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "core/training/weight_snapshots.hpp"

namespace lrscope::core {

// Live control of one run from another thread. The trainer checks it at batch boundaries.
// All methods are thread-safe.
class RunControl {
public:
    void pause();
    void resume();
    // While paused: train one more epoch, then hold (repeated calls queue further epochs).
    // While running: finish the epoch in progress, then hold.
    void stepEpoch();
    void stop();
    // The learning rate from the next batch on; later epochs follow the schedule's shape
    // from this value.
    void setLearningRate(double lr);
    // Limit the pace to at most this many epochs per second; 0 = as fast as possible.
    void setMaxEpochsPerSecond(double epochsPerSecond);

    bool isPaused() const;
    bool stopRequested() const;
    // True while the trainer thread blocks in waitUntilRunnable for a resume, step or stop: it
    // emits nothing until one comes (lets tests prove a run is held without waiting on a clock).
    bool isHeld() const;

    // --- trainer side ---
    // At a batch boundary: blocks while paused; returns false when the run must stop.
    bool waitUntilRunnable();
    // At the end of an epoch: honours a single-step request (pauses again) and the pace
    // limit. Returns false when the run must stop.
    bool endOfEpoch();
    // A learning rate set since the last call, if any.
    std::optional<double> takeLearningRate();

    // Weights for views while the run trains: readers request and take, the trainer offers
    // at the end of an epoch when they are wanted.
    SnapshotMailbox& snapshots() { return snapshots_; }

private:
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    // Set whenever the trainer must look under the lock (pause, step, stop, new lr), so the
    // per-batch check is one atomic load when nothing was asked.
    std::atomic<bool> attention_{false};
    bool paused_ = false;              // guarded by mutex_
    bool stepping_ = false;            // guarded by mutex_; an allowed epoch is running
    int stepBudget_ = 0;               // guarded by mutex_; epochs requested by stepEpoch()
    bool stop_ = false;                // guarded by mutex_
    bool lrPending_ = false;           // guarded by mutex_
    double pendingLr_ = 0.0;           // guarded by mutex_
    double maxEpochsPerSecond_ = 0.0;  // guarded by mutex_
    std::chrono::steady_clock::time_point lastEpochEnd_{};  // trainer thread only
    SnapshotMailbox snapshots_;                             // thread-safe itself

    bool held_ = false;  // guarded by mutex_; see isHeld()
};

}  // namespace lrscope::core
