#include "core/optim/sgd.hpp"

#include <cassert>

namespace lrscope::core {

SgdRule::SgdRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : momentum_(settings.momentum),
      dampening_(settings.dampening),
      weightDecay_(settings.weightDecay),
      nesterov_(settings.kind == OptimizerKind::Nesterov),
      buffer_(Vector::Zero(momentum_ != 0.0 ? parameterCount : 0)) {}

void SgdRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size());
    if (weightDecay_ != 0.0) {
        grad.array() += weightDecay_ * params.array();
    }
    if (momentum_ == 0.0) {
        params.array() += -lr * grad.array();
        return;
    }
    assert(buffer_.size() == grad.size());
    if (hasBuffer_) {
        buffer_.array() = buffer_.array() * momentum_ + (1.0 - dampening_) * grad.array();
    } else {
        buffer_ = grad;
        hasBuffer_ = true;
    }
    if (nesterov_) {
        grad.array() += momentum_ * buffer_.array();
        params.array() += -lr * grad.array();
    } else {
        params.array() += -lr * buffer_.array();
    }
}

OptimizerState SgdRule::state() const {
    OptimizerState state;
    if (hasBuffer_) {
        state.buffers.emplace_back("momentum_buffer", buffer_);
    }
    return state;
}

void SgdRule::restore(const OptimizerState& state) {
    hasBuffer_ = momentum_ != 0.0 && state.find("momentum_buffer") != nullptr;
    if (hasBuffer_) {
        buffer_ = requireBuffer(state, "momentum_buffer", buffer_.size());
    }
}

}  // namespace lrscope::core
