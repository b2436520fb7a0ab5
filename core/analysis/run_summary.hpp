#pragma once

#include <optional>
#include <vector>

#include "core/training/epoch_record.hpp"

namespace lrscope::core {

// What a run's history comes to, as the sweep's table and summary JSON report it. Over the
// recorded (finite) epochs, epoch 0 included:
// - final train/test loss: the last record's;
// - best train loss: the lowest train_loss;
// - best test loss: the lowest test_loss (empty without a test split).
// Every field is empty for an empty history (a run that diverged at epoch 0).
struct RunSummary {
    std::optional<double> finalTrainLoss;
    std::optional<double> finalTestLoss;
    std::optional<double> bestTrainLoss;
    std::optional<double> bestTestLoss;
};

RunSummary summarize(const std::vector<EpochRecord>& history);

}  // namespace lrscope::core
