#pragma once

#include <cstdint>
#include <optional>

#include "core/base/packed_optional.hpp"

namespace lrscope::core {

using RunId = std::uint64_t;

// What a trainer reports after every epoch. Record 0 is before any update. Losses and errors
// are over the whole split with the weights at the end of the epoch. Fields that do not apply
// (error for regression, test values without a test split, step statistics for epoch 0) are
// empty. Optional fields are PackedOptional (8 bytes, used as std::optional<double>): the
// window holds one record per epoch of every run (100 runs x 10,000 epochs = 1M records).
struct EpochRecord {
    RunId runId = 0;
    int epoch = 0;
    double trainLoss = 0.0;
    PackedOptional trainError;  // fraction misclassified
    PackedOptional testLoss;
    PackedOptional testError;
    double lr = 0.0;             // rate in force during the epoch (at its last batch)
    PackedOptional gradNorm;     // mean over the epoch's batches of ||g||
    PackedOptional updateRatio;  // ||w_end - w_start|| / ||w_start|| over the epoch
    // On the epoch's last batch: mean over parameters with g_i != 0 of |dw_i| / |g_i|.
    PackedOptional stepSize;
    PackedOptional lrChangedTo;  // set when the rate was changed live in this epoch
};
static_assert(sizeof(EpochRecord) == 88, "the window holds one EpochRecord per epoch and run");

}  // namespace lrscope::core
