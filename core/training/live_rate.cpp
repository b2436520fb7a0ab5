#include "core/training/live_rate.hpp"

#include "core/training/run_control.hpp"

namespace lrscope::core {

void LiveRate::beginEpoch(int epoch) {
    epoch_ = epoch;
    epochLr_ = learningRateAt(schedule_, baseLr_, epoch);
    batchLr_ = epochLr_;
    changedTo_.reset();
}

double LiveRate::beforeBatch(long batch, RunControl& control) {
    if (const auto newLr = control.takeLearningRate()) {
        const double factor = learningRateAt(schedule_, 1.0, epoch_);
        baseLr_ = factor > 0.0 ? *newLr / factor : *newLr;
        epochLr_ = *newLr;
        changedTo_ = *newLr;
    }
    // Exactly epochLr_ without a per-batch warm-up (the factor is then 1).
    batchLr_ = epochLr_ * batchWarmupFactor(schedule_, epoch_, batch, batchesPerEpoch_);
    return batchLr_;
}

}  // namespace lrscope::core
