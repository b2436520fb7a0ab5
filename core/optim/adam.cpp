#include "core/optim/adam.hpp"

#include <cassert>
#include <cmath>

namespace lrscope::core {

AdamRule::AdamRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : beta1_(settings.beta1),
      beta2_(settings.beta2),
      eps_(settings.eps),
      weightDecay_(settings.weightDecay),
      decoupled_(settings.kind == OptimizerKind::AdamW),
      amsgrad_(settings.amsgrad),
      expAvg_(Vector::Zero(parameterCount)),
      expAvgSq_(Vector::Zero(parameterCount)),
      maxExpAvgSq_(Vector::Zero(amsgrad_ ? parameterCount : 0)),
      kernel_(adamKernel()) {}

void AdamRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && expAvg_.size() == grad.size());
    ++steps_;
    const double t = static_cast<double>(steps_);
    AdamStepConstants constants;
    constants.beta1 = beta1_;
    constants.oneMinusBeta1 = 1.0 - beta1_;
    constants.beta2 = beta2_;
    constants.oneMinusBeta2 = 1.0 - beta2_;
    constants.negativeStepSize = -(lr / (1.0 - std::pow(beta1_, t)));
    constants.biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(beta2_, t));
    constants.eps = eps_;
    if (decoupled_) {
        constants.decoupledDecayFactor = 1.0 - lr * weightDecay_;
    } else {
        constants.l2WeightDecay = weightDecay_;
    }
    // One fused pass over the five arrays (three passes spill out of L2 on larger networks).
    AdamArrays arrays;
    arrays.count = params.size();
    arrays.params = params.data();
    arrays.grad = grad.data();
    arrays.expAvg = expAvg_.data();
    arrays.expAvgSq = expAvgSq_.data();
    arrays.maxExpAvgSq = amsgrad_ ? maxExpAvgSq_.data() : nullptr;
    adamStep(kernel_, constants, arrays);
}

OptimizerState AdamRule::state() const {
    OptimizerState state{steps_, {{"exp_avg", expAvg_}, {"exp_avg_sq", expAvgSq_}}};
    if (amsgrad_) {
        state.buffers.emplace_back("max_exp_avg_sq", maxExpAvgSq_);
    }
    return state;
}

void AdamRule::restore(const OptimizerState& state) {
    expAvg_ = requireBuffer(state, "exp_avg", expAvg_.size());
    expAvgSq_ = requireBuffer(state, "exp_avg_sq", expAvgSq_.size());
    if (amsgrad_) {
        maxExpAvgSq_ = requireBuffer(state, "max_exp_avg_sq", maxExpAvgSq_.size());
    }
    steps_ = state.steps;
}

}  // namespace lrscope::core
