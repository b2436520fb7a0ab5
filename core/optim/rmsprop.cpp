#include "core/optim/rmsprop.hpp"

#include <cassert>

namespace lrscope::core {

RmsPropRule::RmsPropRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : alpha_(settings.alpha),
      eps_(settings.eps),
      weight_decay_(settings.weight_decay),
      momentum_(settings.momentum),
      centered_(settings.centered),
      square_avg_(Vector::Zero(parameterCount)),
      grad_avg_(Vector::Zero(centered_ ? parameterCount : 0)),
      buffer_(Vector::Zero(momentum_ > 0.0 ? parameterCount : 0)),
      avg_(Vector::Zero(parameterCount)) {}

void RmsPropRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && square_avg_.size() == grad.size());
    if (weight_decay_ != 0.0) {
        grad.array() += weight_decay_ * params.array();
    }
    square_avg_.array() =
        square_avg_.array() * alpha_ + ((1.0 - alpha_) * grad.array()) * grad.array();
    if (centered_) {
        grad_avg_.array() = grad_avg_.array() * alpha_ + (1.0 - alpha_) * grad.array();
        avg_.array() =
            (square_avg_.array() + (-1.0 * grad_avg_.array()) * grad_avg_.array()).sqrt() + eps_;
    } else {
        avg_.array() = square_avg_.array().sqrt() + eps_;
    }
    if (momentum_ > 0.0) {
        buffer_.array() = buffer_.array() * momentum_ + grad.array() / avg_.array();
        params.array() += -lr * buffer_.array();
    } else {
        params.array() += (-lr * grad.array()) / avg_.array();
    }
}

}  // namespace lrscope::core
