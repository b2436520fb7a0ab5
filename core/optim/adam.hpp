#pragma once

#include <cstdint>

#include "core/optim/adam_step.hpp"
#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// Adam and AdamW, as torch.optim.Adam / torch.optim.AdamW (torch/optim/adam.py, adamw.py,
// torch 1.13); t is the 1-based step count:
//   Adam: g += wd * p;  AdamW (decoupled): p *= 1 - lr * wd;
//   m = b1 * m + (1 - b1) * g;  v = b2 * v + (1 - b2) * g^2;  amsgrad: v_max = max(v_max, v);
//   p -= lr / (1 - b1^t) * m / (sqrt(v or v_max) / sqrt(1 - b2^t) + eps)
// with torch's roundings and fused multiply-adds (core/optim/adam_step.hpp).
class AdamRule final : public UpdateRule {
public:
    AdamRule(const OptimizerSettings& settings, Eigen::Index parameterCount);
    void step(Vector& params, Vector& grad, double lr) override;
    OptimizerState state() const override;
    void restore(const OptimizerState& state) override;

private:
    double beta1_;
    double beta2_;
    double eps_;
    double weightDecay_;
    bool decoupled_;  // AdamW
    bool amsgrad_;
    std::int64_t steps_ = 0;
    Vector expAvg_;       // m
    Vector expAvgSq_;     // v
    Vector maxExpAvgSq_;  // v_max (amsgrad only)
    AdamKernel kernel_;   // the element loop for this CPU (core/optim/adam_step.hpp)
};

}  // namespace lrscope::core
