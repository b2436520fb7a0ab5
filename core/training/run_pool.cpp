#include "core/training/run_pool.hpp"

#include <algorithm>

namespace lrscope::core {

RunPool::RunPool(unsigned threads) {
    const unsigned count = std::max(1u, threads);
    workers_.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        workers_.emplace_back([this] { workerLoop(); });
    }
}

RunPool::~RunPool() {
    {
        std::lock_guard lock(mutex_);
        shuttingDown_ = true;
        queue_.clear();
    }
    workAvailable_.notify_all();
    for (auto& worker : workers_) {
        worker.join();
    }
}

void RunPool::submit(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(job));
    }
    workAvailable_.notify_one();
}

void RunPool::waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return queue_.empty() && running_ == 0; });
}

std::size_t RunPool::queuedCount() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t RunPool::runningCount() const {
    std::lock_guard lock(mutex_);
    return running_;
}

unsigned RunPool::defaultThreadCount() {
    return std::max(1u, std::thread::hardware_concurrency());
}

void RunPool::workerLoop() {
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            workAvailable_.wait(lock, [this] { return shuttingDown_ || !queue_.empty(); });
            if (shuttingDown_) {
                return;
            }
            job = std::move(queue_.front());
            queue_.pop_front();
            ++running_;
        }
        job();
        {
            std::lock_guard lock(mutex_);
            --running_;
        }
        idle_.notify_all();
    }
}

}  // namespace lrscope::core
