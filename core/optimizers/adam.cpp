#include "core/optimizers/adam.hpp"

#include <cassert>
#include <cmath>

namespace lrscope::core {

AdamRule::AdamRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : beta1_(settings.beta1),
      beta2_(settings.beta2),
      eps_(settings.eps),
      weight_decay_(settings.weight_decay),
      decoupled_(settings.kind == OptimizerKind::AdamW),
      amsgrad_(settings.amsgrad),
      exp_avg_(Vector::Zero(parameterCount)),
      exp_avg_sq_(Vector::Zero(parameterCount)),
      max_exp_avg_sq_(Vector::Zero(amsgrad_ ? parameterCount : 0)) {}

void AdamRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && exp_avg_.size() == grad.size());
    ++steps_;
    if (decoupled_) {
        params *= 1.0 - lr * weight_decay_;
    } else if (weight_decay_ != 0.0) {
        grad.array() += weight_decay_ * params.array();
    }
    exp_avg_.array() = exp_avg_.array() * beta1_ + (1.0 - beta1_) * grad.array();
    exp_avg_sq_.array() =
        exp_avg_sq_.array() * beta2_ + ((1.0 - beta2_) * grad.array()) * grad.array();

    const double t = static_cast<double>(steps_);
    const double stepSize = lr / (1.0 - std::pow(beta1_, t));
    const double biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(beta2_, t));
    if (amsgrad_) {
        max_exp_avg_sq_ = max_exp_avg_sq_.cwiseMax(exp_avg_sq_);
    }
    const Vector& second = amsgrad_ ? max_exp_avg_sq_ : exp_avg_sq_;
    params.array() +=
        (-stepSize * exp_avg_.array()) / (second.array().sqrt() / biasCorrection2Sqrt + eps_);
}

}  // namespace lrscope::core
