#include "ui/views/latest_wins_worker.hpp"

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace lrscope::ui {

LatestWinsWorker::LatestWinsWorker()
    : thread_([this](const std::stop_token& stop) { loop(stop); }) {}

LatestWinsWorker::~LatestWinsWorker() {
    {
        const std::lock_guard lock(mutex_);
        pending_ = nullptr;
    }
    thread_.request_stop();
    thread_.join();
}

void LatestWinsWorker::submit(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        if (pending_) {
            ++dropped_;
        }
        pending_ = std::move(job);
    }
    wake_.notify_one();
}

bool LatestWinsWorker::idle() const {
    const std::lock_guard lock(mutex_);
    return !running_ && !pending_;
}

long LatestWinsWorker::droppedCount() const {
    const std::lock_guard lock(mutex_);
    return dropped_;
}

void LatestWinsWorker::loop(const std::stop_token& stop) {
#ifdef __linux__
    // On Linux the nice value is per thread; never raise a priority the process lowered.
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    if (errno == 0 && current < kNiceness) {
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kNiceness);
    }
#endif
    std::unique_lock lock(mutex_);
    while (true) {
        if (!wake_.wait(lock, stop, [this] { return static_cast<bool>(pending_); })) {
            return;  // stop requested
        }
        std::function<void()> job = std::move(pending_);
        pending_ = nullptr;
        running_ = true;
        lock.unlock();
        job();
        lock.lock();
        running_ = false;
    }
}

}  // namespace lrscope::ui
