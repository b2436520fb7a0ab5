#pragma once

#include <cstdint>
#include <optional>

namespace lrscope::core {

using RunId = std::uint64_t;

// What a trainer reports after every epoch. Record 0 is before any update. Losses and errors
// are over the whole split with the weights at the end of the epoch. Fields that do not apply
// (error for regression, test values without a test split, step statistics for epoch 0) are
// empty.
struct EpochRecord {
    RunId runId = 0;
    int epoch = 0;
    double trainLoss = 0.0;
    std::optional<double> trainError;  // fraction misclassified
    std::optional<double> testLoss;
    std::optional<double> testError;
    double lr = 0.0;                    // rate in force during the epoch (at its last batch)
    std::optional<double> gradNorm;     // mean over the epoch's batches of ||g||
    std::optional<double> updateRatio;  // ||w_end - w_start|| / ||w_start|| over the epoch
    // On the epoch's last batch: mean over parameters with g_i != 0 of |dw_i| / |g_i|.
    std::optional<double> stepSize;
    std::optional<double> lrChangedTo;  // set when the rate was changed live in this epoch
};

}  // namespace lrscope::core
