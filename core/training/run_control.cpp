#include "core/training/run_control.hpp"

namespace lrscope::core {

void RunControl::pause() {
    std::lock_guard lock(mutex_);
    paused_ = true;
    stepping_ = false;
    step_budget_ = 0;
    attention_.store(true, std::memory_order_release);
}

void RunControl::resume() {
    {
        std::lock_guard lock(mutex_);
        paused_ = false;
        stepping_ = false;
        step_budget_ = 0;
        attention_.store(lr_pending_, std::memory_order_release);
    }
    wake_.notify_all();
}

void RunControl::stepEpoch() {
    {
        std::lock_guard lock(mutex_);
        if (paused_) {
            ++step_budget_;  // one more whole epoch
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
    pending_lr_ = lr;
    lr_pending_ = true;
    attention_.store(true, std::memory_order_release);
}

void RunControl::setMaxEpochsPerSecond(double epochsPerSecond) {
    {
        std::lock_guard lock(mutex_);
        max_epochs_per_second_ = epochsPerSecond > 0.0 ? epochsPerSecond : 0.0;
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

bool RunControl::waitUntilRunnable() {
    // Fast path for the hot loop: nothing was asked since the last look.
    if (!attention_.load(std::memory_order_acquire)) {
        return true;
    }
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return stop_ || !paused_ || stepping_ || step_budget_ > 0; });
    if (paused_ && !stepping_ && step_budget_ > 0) {
        --step_budget_;
        stepping_ = true;  // until endOfEpoch()
    }
    attention_.store(stop_ || paused_ || lr_pending_, std::memory_order_release);
    return !stop_;
}

bool RunControl::endOfEpoch() {
    std::unique_lock lock(mutex_);
    stepping_ = false;  // after a single step, paused_ stays set and the next epoch waits
    if (max_epochs_per_second_ > 0.0 && !stop_) {
        const auto now = std::chrono::steady_clock::now();
        const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(1.0 / max_epochs_per_second_));
        const auto due = last_epoch_end_ + period;
        if (now < due) {
            wake_.wait_until(lock, due, [this] { return stop_ || max_epochs_per_second_ == 0.0; });
        }
    }
    last_epoch_end_ = std::chrono::steady_clock::now();
    return !stop_;
}

std::optional<double> RunControl::takeLearningRate() {
    if (!attention_.load(std::memory_order_acquire)) {
        return std::nullopt;
    }
    std::lock_guard lock(mutex_);
    if (!lr_pending_) {
        return std::nullopt;
    }
    lr_pending_ = false;
    attention_.store(stop_ || paused_, std::memory_order_release);
    return pending_lr_;
}

}  // namespace lrscope::core
