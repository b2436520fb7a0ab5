#include "core/optim/adagrad.hpp"

#include <cassert>

namespace lrscope::core {

AdagradRule::AdagradRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : weightDecay_(settings.weightDecay),
      lrDecay_(settings.lrDecay),
      eps_(settings.eps),
      sum_(Vector::Constant(parameterCount, settings.initialAccumulator)) {}

void AdagradRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && sum_.size() == grad.size());
    ++steps_;
    if (weightDecay_ != 0.0) {
        grad.array() += weightDecay_ * params.array();
    }
    const double clr = lr / (1.0 + static_cast<double>(steps_ - 1) * lrDecay_);
    sum_.array() += grad.array() * grad.array();
    params.array() += (-clr * grad.array()) / (sum_.array().sqrt() + eps_);
}

OptimizerState AdagradRule::state() const {
    return OptimizerState{steps_, {{"sum", sum_}}};
}

void AdagradRule::restore(const OptimizerState& state) {
    sum_ = requireBuffer(state, "sum", sum_.size());
    steps_ = state.steps;
}

}  // namespace lrscope::core
