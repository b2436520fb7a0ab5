#include "core/optim/adagrad.hpp"

#include <cassert>

namespace lrscope::core {

AdagradRule::AdagradRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : weight_decay_(settings.weight_decay),
      lr_decay_(settings.lr_decay),
      eps_(settings.eps),
      sum_(Vector::Constant(parameterCount, settings.initial_accumulator)) {}

void AdagradRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && sum_.size() == grad.size());
    ++steps_;
    if (weight_decay_ != 0.0) {
        grad.array() += weight_decay_ * params.array();
    }
    const double clr = lr / (1.0 + static_cast<double>(steps_ - 1) * lr_decay_);
    sum_.array() += grad.array() * grad.array();
    params.array() += (-clr * grad.array()) / (sum_.array().sqrt() + eps_);
}

}  // namespace lrscope::core
