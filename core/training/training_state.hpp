#pragma once

#include <optional>

#include "core/nn/linalg.hpp"
#include "core/optim/optimizer_state.hpp"

namespace lrscope::core {

// Where a run can go on from: everything train() carries from one epoch to the next beyond
// the config. Continuing from it (train(..., &state)) with more epochs gives the records and
// weights one longer run would have given, bit for bit. The shuffle order is not stored: it
// is drawn again from the run's seed for the epochs already trained.
struct TrainingState {
    int epoch = 0;      // epochs trained: the state right after this epoch's record
    Vector parameters;  // the network's parameters, in Network::parameters() order
    OptimizerState optimizer;
    double baseLr = 0.0;  // the schedule's base rate in force (a live change moves it)
};

}  // namespace lrscope::core
