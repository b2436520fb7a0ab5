#pragma once

#include "core/data/data_spec.hpp"
#include "core/nn/network.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {

// What train() and the range test do before their first step, so that both start from the
// same network. Throws InputError when the data does not fit the config (an empty training
// split, cross-entropy on a regression task).
void checkDataFitsConfig(const RunConfig& config, const DataSplit& data);

// The network of the run with its initial weights: config.initialWeights when given (an
// InputError when their shape differs), else drawn by config.init from the run's seed.
Network initialNetwork(const RunConfig& config, const Dataset& trainSet);

}  // namespace lrscope::core
