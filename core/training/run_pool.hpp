#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lrscope::core {

// A fixed set of worker threads running queued jobs in submission order. Jobs beyond the
// thread count wait in the queue. Destruction discards queued jobs and joins the workers
// after the running ones return (callers stop their runs first through RunControl).
class RunPool {
public:
    explicit RunPool(unsigned threads);
    ~RunPool();
    RunPool(const RunPool&) = delete;
    RunPool& operator=(const RunPool&) = delete;

    void submit(std::function<void()> job);
    // Blocks until the queue is empty and no job runs.
    void waitIdle();

    unsigned threadCount() const { return static_cast<unsigned>(workers_.size()); }
    std::size_t queuedCount() const;
    std::size_t runningCount() const;

    static unsigned defaultThreadCount();  // hardware concurrency, at least 1

private:
    void workerLoop();

    mutable std::mutex mutex_;
    std::condition_variable workAvailable_;
    std::condition_variable idle_;
    std::deque<std::function<void()>> queue_;
    std::size_t running_ = 0;
    bool shuttingDown_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace lrscope::core
