#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/data/data_spec.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/initializer.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network_weights.hpp"
#include "core/optim/lr_schedule.hpp"
#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// Everything that defines a run. The GUI's panel, the CLI's flags and a session file all
// map to this one struct.
struct RunConfig {
    DataSpec data;
    std::vector<int> hiddenLayers = {8, 8};
    Activation activation = Activation::Tanh;
    LossKind loss = LossKind::CrossEntropy;
    InitSettings init;
    std::optional<NetworkWeights> initialWeights;  // replaces `init` when set
    OptimizerSettings optimizer;
    LrSchedule schedule;
    long batchSize = 10;  // 0 = full batch
    bool shuffle = true;
    int epochs = 100;
    std::uint64_t seed = 1;
};

inline constexpr int kMaxEpochs = 1'000'000;
inline constexpr int kMaxLayerWidth = 4096;
inline constexpr int kMaxHiddenLayers = 16;

// Throws InputError naming the setting, the value and the accepted range.
void validate(const RunConfig& config);

// Layer sizes {inputs, hidden..., outputs} for a data set of this shape.
std::vector<int> layerSizes(const RunConfig& config, int inputs, int outputs);

}  // namespace lrscope::core
