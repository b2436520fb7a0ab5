#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace lrscope::ui {

// One worker thread that runs the newest job handed to it. A job submitted while another
// runs replaces any job still waiting, so a view that asks faster than it can compute (a
// decision grid per weight snapshot) never queues up stale work: at most one job runs and at
// most one waits. Jobs hand their results back to the GUI thread themselves (a queued call
// on a QObject of the view, which Qt drops if the view is gone). The thread runs at nice 5:
// behind the GUI thread (0), so the window answers first, and ahead of training (10), so a
// view keeps up while every core trains.
class LatestWinsWorker {
public:
    static constexpr int kNiceness = 5;

    LatestWinsWorker();
    // Drops the waiting job and waits for the running one.
    ~LatestWinsWorker();
    LatestWinsWorker(const LatestWinsWorker&) = delete;
    LatestWinsWorker& operator=(const LatestWinsWorker&) = delete;

    void submit(std::function<void()> job);
    // No job runs and none waits.
    bool idle() const;
    // Jobs replaced before they started, since construction.
    long droppedCount() const;

private:
    void loop(const std::stop_token& stop);

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::function<void()> pending_;  // guarded by mutex_
    bool running_ = false;           // guarded by mutex_
    long dropped_ = 0;               // guarded by mutex_
    std::jthread thread_;            // last: starts after the members above exist
};

}  // namespace lrscope::ui
