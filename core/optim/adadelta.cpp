#include "core/optim/adadelta.hpp"

#include <cassert>

namespace lrscope::core {

AdadeltaRule::AdadeltaRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : rho_(settings.rho),
      eps_(settings.eps),
      weight_decay_(settings.weight_decay),
      square_avg_(Vector::Zero(parameterCount)),
      acc_delta_(Vector::Zero(parameterCount)) {}

void AdadeltaRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && square_avg_.size() == grad.size());
    if (weight_decay_ != 0.0) {
        grad.array() += weight_decay_ * params.array();
    }
    square_avg_.array() = square_avg_.array() * rho_ + ((1.0 - rho_) * grad.array()) * grad.array();
    // The update overwrites the gradient; torch's operation order, for bit-for-bit agreement.
    Vector& delta = grad;
    delta.array() =
        (acc_delta_.array() + eps_).sqrt() / (square_avg_.array() + eps_).sqrt() * grad.array();
    acc_delta_.array() = acc_delta_.array() * rho_ + ((1.0 - rho_) * delta.array()) * delta.array();
    params.array() += -lr * delta.array();
}

}  // namespace lrscope::core
