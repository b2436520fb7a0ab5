#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/nn/linalg.hpp"

namespace lrscope::core {

// What an update rule has accumulated while a run trained: its step count and its
// per-parameter buffers, named as in torch.optim's state ("momentum_buffer", "exp_avg",
// "exp_avg_sq", "max_exp_avg_sq", "sum", "square_avg", "acc_delta", "grad_avg"). A buffer
// torch creates lazily (SGD's momentum buffer before the first step) is absent until then.
// Handing it back to a new rule of the same settings continues the run exactly.
struct OptimizerState {
    std::int64_t steps = 0;
    std::vector<std::pair<std::string, Vector>> buffers;

    const Vector* find(std::string_view name) const;
};

// The buffer `name` of `state` with `size` values; throws InputError naming the buffer by
// its path in a state file ("$.optimizer_state.buffers.exp_avg: 3 values; expected 34").
const Vector& requireBuffer(const OptimizerState& state, std::string_view name, Eigen::Index size);

}  // namespace lrscope::core
