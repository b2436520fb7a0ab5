#include "core/optim/rmsprop.hpp"

#include <cassert>

namespace lrscope::core {

RmsPropRule::RmsPropRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : alpha_(settings.alpha),
      eps_(settings.eps),
      weightDecay_(settings.weightDecay),
      momentum_(settings.momentum),
      centered_(settings.centered),
      squareAvg_(Vector::Zero(parameterCount)),
      gradAvg_(Vector::Zero(centered_ ? parameterCount : 0)),
      buffer_(Vector::Zero(momentum_ > 0.0 ? parameterCount : 0)),
      avg_(Vector::Zero(parameterCount)) {}

void RmsPropRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && squareAvg_.size() == grad.size());
    if (weightDecay_ != 0.0) {
        grad.array() += weightDecay_ * params.array();
    }
    squareAvg_.array() =
        squareAvg_.array() * alpha_ + ((1.0 - alpha_) * grad.array()) * grad.array();
    if (centered_) {
        gradAvg_.array() = gradAvg_.array() * alpha_ + (1.0 - alpha_) * grad.array();
        avg_.array() =
            (squareAvg_.array() + (-1.0 * gradAvg_.array()) * gradAvg_.array()).sqrt() + eps_;
    } else {
        avg_.array() = squareAvg_.array().sqrt() + eps_;
    }
    if (momentum_ > 0.0) {
        buffer_.array() = buffer_.array() * momentum_ + grad.array() / avg_.array();
        params.array() += -lr * buffer_.array();
    } else {
        params.array() += (-lr * grad.array()) / avg_.array();
    }
}

OptimizerState RmsPropRule::state() const {
    OptimizerState state{0, {{"square_avg", squareAvg_}}};
    if (centered_) {
        state.buffers.emplace_back("grad_avg", gradAvg_);
    }
    if (momentum_ > 0.0) {
        state.buffers.emplace_back("momentum_buffer", buffer_);
    }
    return state;
}

void RmsPropRule::restore(const OptimizerState& state) {
    squareAvg_ = requireBuffer(state, "square_avg", squareAvg_.size());
    if (centered_) {
        gradAvg_ = requireBuffer(state, "grad_avg", gradAvg_.size());
    }
    if (momentum_ > 0.0) {
        buffer_ = requireBuffer(state, "momentum_buffer", buffer_.size());
    }
}

}  // namespace lrscope::core
