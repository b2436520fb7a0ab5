#include "core/training/run_control.hpp"

namespace lrscope::core {

void RunControl::pause() {
    std::lock_guard lock(mutex_);
    paused_ = true;
    stepping_ = false;
    stepBudget_ = 0;
    attention_.store(true, std::memory_order_release);
}

void RunControl::resume() {
    {
        std::lock_guard lock(mutex_);
        paused_ = false;
        stepping_ = false;
        stepBudget_ = 0;
        attention_.store(lrPending_, std::memory_order_release);
    }
    wake_.notify_all();
}

void RunControl::stepEpoch() {
    {
        std::lock_guard lock(mutex_);
        if (paused_) {
            ++stepBudget_;  // one more whole epoch
        } else {
            paused_ = true;  // finish the epoch in progress, then hold
            stepping_ = true;
        }
        attention_.store(true, std::memory_order_release);
    }
    wake_.notify_all();
}

void RunControl::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        attention_.store(true, std::memory_order_release);
    }
    wake_.notify_all();
}

void RunControl::setLearningRate(double lr) {
    std::lock_guard lock(mutex_);
    pendingLr_ = lr;
    lrPending_ = true;
    attention_.store(true, std::memory_order_release);
}

void RunControl::setMaxEpochsPerSecond(double epochsPerSecond) {
    {
        std::lock_guard lock(mutex_);
        maxEpochsPerSecond_ = epochsPerSecond > 0.0 ? epochsPerSecond : 0.0;
    }
    wake_.notify_all();
}

bool RunControl::isPaused() const {
    std::lock_guard lock(mutex_);
    return paused_ && !stepping_;
}

bool RunControl::stopRequested() const {
    std::lock_guard lock(mutex_);
    return stop_;
}

bool RunControl::isHeld() const {
    std::lock_guard lock(mutex_);
    return held_;
}

bool RunControl::waitUntilRunnable() {
    // Fast path for the hot loop: nothing was asked since the last look.
    if (!attention_.load(std::memory_order_acquire)) {
        return true;
    }
    std::unique_lock lock(mutex_);
    held_ = true;  // seen by others only while wait() has released the lock
    wake_.wait(lock, [this] { return stop_ || !paused_ || stepping_ || stepBudget_ > 0; });
    held_ = false;
    if (paused_ && !stepping_ && stepBudget_ > 0) {
        --stepBudget_;
        stepping_ = true;  // until endOfEpoch()
    }
    attention_.store(stop_ || paused_ || lrPending_, std::memory_order_release);
    return !stop_;
}

bool RunControl::endOfEpoch() {
    std::unique_lock lock(mutex_);
    stepping_ = false;  // after a single step, paused_ stays set and the next epoch waits
    if (maxEpochsPerSecond_ > 0.0 && !stop_) {
        const auto now = std::chrono::steady_clock::now();
        const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(1.0 / maxEpochsPerSecond_));
        const auto due = lastEpochEnd_ + period;
        if (now < due) {
            wake_.wait_until(lock, due, [this] { return stop_ || maxEpochsPerSecond_ == 0.0; });
        }
    }
    lastEpochEnd_ = std::chrono::steady_clock::now();
    return !stop_;
}

std::optional<double> RunControl::takeLearningRate() {
    if (!attention_.load(std::memory_order_acquire)) {
        return std::nullopt;
    }
    std::lock_guard lock(mutex_);
    if (!lrPending_) {
        return std::nullopt;
    }
    lrPending_ = false;
    attention_.store(stop_ || paused_, std::memory_order_release);
    return pendingLr_;
}

}  // namespace lrscope::core
