#pragma once

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// Adadelta, as torch.optim.Adadelta (torch/optim/adadelta.py, torch 1.13):
//   g += wd * p;  v = rho * v + (1 - rho) * g^2;
//   d = sqrt(u + eps) / sqrt(v + eps) * g;  u = rho * u + (1 - rho) * d^2;  p -= lr * d
class AdadeltaRule final : public UpdateRule {
public:
    AdadeltaRule(const OptimizerSettings& settings, Eigen::Index parameterCount);
    void step(Vector& params, Vector& grad, double lr) override;
    OptimizerState state() const override;
    void restore(const OptimizerState& state) override;

private:
    double rho_;
    double eps_;
    double weightDecay_;
    Vector squareAvg_;  // v: running average of squared gradients
    Vector accDelta_;   // u: running average of squared updates
};

}  // namespace lrscope::core
