#include "core/optim/adam.hpp"

#include <algorithm>
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
      maxExpAvgSq_(Vector::Zero(amsgrad_ ? parameterCount : 0)) {}

void AdamRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && expAvg_.size() == grad.size());
    ++steps_;
    if (decoupled_) {
        params *= 1.0 - lr * weightDecay_;
    } else if (weightDecay_ != 0.0) {
        grad.array() += weightDecay_ * params.array();
    }
    const double t = static_cast<double>(steps_);
    const double stepSize = lr / (1.0 - std::pow(beta1_, t));
    const double biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(beta2_, t));

    // One fused pass with torch's arithmetic per element: on small networks this step is a
    // large share of an epoch, and three passes over four vectors spill out of L2.
    const Eigen::Index n = params.size();
    double* p = params.data();
    const double* g = grad.data();
    double* m = expAvg_.data();
    double* v = expAvgSq_.data();
    double* vMax = amsgrad_ ? maxExpAvgSq_.data() : nullptr;
    const double keep1 = beta1_;
    const double take1 = 1.0 - beta1_;
    const double keep2 = beta2_;
    const double take2 = 1.0 - beta2_;
    const double eps = eps_;
    for (Eigen::Index i = 0; i < n; ++i) {
        m[i] = m[i] * keep1 + take1 * g[i];
        v[i] = v[i] * keep2 + (take2 * g[i]) * g[i];
        double second = v[i];
        if (vMax != nullptr) {
            vMax[i] = std::max(vMax[i], v[i]);
            second = vMax[i];
        }
        p[i] += (-stepSize * m[i]) / (std::sqrt(second) / biasCorrection2Sqrt + eps);
    }
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
