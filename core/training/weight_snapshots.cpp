#include "core/training/weight_snapshots.hpp"

#include <chrono>
#include <cmath>
#include <utility>

namespace lrscope::core {

namespace {

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

SnapshotMailbox::SnapshotMailbox() : SnapshotMailbox(steadySeconds) {}

SnapshotMailbox::SnapshotMailbox(Clock clock) : clock_(std::move(clock)) {}

void SnapshotMailbox::request(int everyEpochs, double maxPerSecond) {
    {
        const std::lock_guard lock(mutex_);
        minInterval_ = std::isfinite(maxPerSecond) && maxPerSecond > 0.0 ? 1.0 / maxPerSecond : 0.0;
        lastOffer_.reset();
    }
    everyEpochs_.store(everyEpochs > 0 ? everyEpochs : 0, std::memory_order_relaxed);
}

std::optional<WeightSnapshot> SnapshotMailbox::take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(slot_, std::nullopt);
}

std::optional<WeightSnapshot> SnapshotMailbox::tryTake() {
    const std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) {
        return std::nullopt;
    }
    return std::exchange(slot_, std::nullopt);
}

bool SnapshotMailbox::wanted(int epoch) {
    const int every = everyEpochs_.load(std::memory_order_relaxed);
    if (every == 0 || epoch % every != 0) {
        return false;
    }
    const std::lock_guard lock(mutex_);
    const double now = clock_();
    if (lastOffer_ && now - *lastOffer_ < minInterval_) {
        return false;
    }
    lastOffer_ = now;
    return true;
}

void SnapshotMailbox::offer(WeightSnapshot snapshot) {
    const std::lock_guard lock(mutex_);
    slot_ = std::move(snapshot);
}

}  // namespace lrscope::core
