#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

#include "core/nn/network_weights.hpp"

namespace lrscope::core {

// The weights of a run at the end of an epoch, for a view that draws them while it trains.
struct WeightSnapshot {
    int epoch = 0;
    NetworkWeights weights;
};

// A one-slot mailbox between a trainer and the views that want its weights while it trains.
// Latest wins: an offer replaces a snapshot nobody took, so a slow reader holds at most one
// and the trainer never waits for it. All methods are thread-safe.
class SnapshotMailbox {
public:
    // Seconds on a monotonic clock; injectable so that tests can drive the rate limit.
    using Clock = std::function<double()>;

    SnapshotMailbox();
    explicit SnapshotMailbox(Clock clock);

    // Reader side (any thread): ask for the weights every `everyEpochs` epochs (0 = stop
    // asking), at most `maxPerSecond` per second (0 = no limit).
    void request(int everyEpochs, double maxPerSecond = 20.0);
    // The newest snapshot offered since the last take (older ones were dropped).
    std::optional<WeightSnapshot> take();
    // The same without waiting: nullopt also while the trainer is offering or asking this very
    // moment (the snapshot then waits for the next take). For a GUI thread, which must not wait
    // for a training thread the scheduler has put aside.
    std::optional<WeightSnapshot> tryTake();

    // Trainer side. True when `epoch` is a multiple of the requested period and the rate
    // limit allows an offer now; a true answer counts as an offer for the rate limit. When
    // nobody asks this is one relaxed atomic load.
    bool wanted(int epoch);
    void offer(WeightSnapshot snapshot);

private:
    Clock clock_;
    std::atomic<int> everyEpochs_{0};
    mutable std::mutex mutex_;
    double minInterval_ = 0.0;            // guarded by mutex_; seconds between offers
    std::optional<double> lastOffer_;     // guarded by mutex_; clock time of the last offer
    std::optional<WeightSnapshot> slot_;  // guarded by mutex_
};

}  // namespace lrscope::core
