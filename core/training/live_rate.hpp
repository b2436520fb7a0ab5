#pragma once

#include <optional>

#include "core/optim/lr_schedule.hpp"

namespace lrscope::core {

class RunControl;

// The learning rate in force during a run: the schedule's rate for each batch, until a rate
// set live through RunControl takes over from the next batch. Later epochs then follow the
// schedule's shape from the new rate.
class LiveRate {
public:
    LiveRate(const LrSchedule& schedule, double baseLr, long batchesPerEpoch)
        : schedule_(schedule), baseLr_(baseLr), batchesPerEpoch_(batchesPerEpoch) {}

    // At the start of `epoch` (1-based).
    void beginEpoch(int epoch);
    // Before batch `batch` (0-based) of the epoch: takes a rate set live since the last
    // batch, if any, and returns the rate this batch trains at.
    double beforeBatch(long batch, RunControl& control);

    // The base rate the schedule scales (the configured one, or as a live change left it).
    double baseLr() const { return baseLr_; }
    // The rate of the latest batch.
    double lr() const { return batchLr_; }
    // The rate set live during this epoch (the last one when several were set).
    std::optional<double> changedTo() const { return changedTo_; }

private:
    const LrSchedule& schedule_;
    double baseLr_;
    long batchesPerEpoch_;
    int epoch_ = 1;
    double epochLr_ = 0.0;  // the schedule's (or the live) rate for the epoch
    double batchLr_ = 0.0;  // epochLr_ with the per-batch warm-up
    std::optional<double> changedTo_;
};

}  // namespace lrscope::core
