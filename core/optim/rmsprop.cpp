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

}  // namespace lrscope::core
