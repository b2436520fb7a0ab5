#pragma once

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// RMSprop, as torch.optim.RMSprop (torch/optim/rmsprop.py, torch 1.13):
//   g += wd * p;  v = alpha * v + (1 - alpha) * g^2;  centered: a = alpha * a + (1 - alpha) * g,
//   s = sqrt(v - a^2) + eps, else s = sqrt(v) + eps;
//   momentum > 0: b = momentum * b + g / s, p -= lr * b;  else p -= lr * g / s
// with torch's roundings and fused multiply-adds (core/optim/torch_arithmetic.hpp).
class RmsPropRule final : public UpdateRule {
public:
    RmsPropRule(const OptimizerSettings& settings, Eigen::Index parameterCount);
    void step(Vector& params, Vector& grad, double lr) override;
    OptimizerState state() const override;
    void restore(const OptimizerState& state) override;

private:
    double alpha_;
    double eps_;
    double weightDecay_;
    double momentum_;
    bool centered_;
    Vector squareAvg_;  // v
    Vector gradAvg_;    // a (centered only)
    Vector buffer_;     // b (momentum > 0 only)
};

}  // namespace lrscope::core
