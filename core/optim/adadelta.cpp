#include "core/optim/adadelta.hpp"

#include <cassert>

namespace lrscope::core {

AdadeltaRule::AdadeltaRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : rho_(settings.rho),
      eps_(settings.eps),
      weightDecay_(settings.weightDecay),
      squareAvg_(Vector::Zero(parameterCount)),
      accDelta_(Vector::Zero(parameterCount)) {}

void AdadeltaRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && squareAvg_.size() == grad.size());
    if (weightDecay_ != 0.0) {
        grad.array() += weightDecay_ * params.array();
    }
    squareAvg_.array() = squareAvg_.array() * rho_ + ((1.0 - rho_) * grad.array()) * grad.array();
    // The update overwrites the gradient; torch's operation order, for bit-for-bit agreement.
    Vector& delta = grad;
    delta.array() =
        (accDelta_.array() + eps_).sqrt() / (squareAvg_.array() + eps_).sqrt() * grad.array();
    accDelta_.array() = accDelta_.array() * rho_ + ((1.0 - rho_) * delta.array()) * delta.array();
    params.array() += -lr * delta.array();
}

OptimizerState AdadeltaRule::state() const {
    return OptimizerState{0, {{"square_avg", squareAvg_}, {"acc_delta", accDelta_}}};
}

void AdadeltaRule::restore(const OptimizerState& state) {
    squareAvg_ = requireBuffer(state, "square_avg", squareAvg_.size());
    accDelta_ = requireBuffer(state, "acc_delta", accDelta_.size());
}

}  // namespace lrscope::core
