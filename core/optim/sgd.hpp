#pragma once

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// SGD with optional momentum, dampening, Nesterov and L2 weight decay, as torch.optim.SGD
// (torch/optim/sgd.py, _single_tensor_sgd, torch 1.13):
//   g += wd * p;  b = g on the first step, else b = momentum * b + (1 - dampening) * g;
//   g = nesterov ? g + momentum * b : b  (only with momentum != 0);  p -= lr * g
// with torch's roundings and fused multiply-adds (core/optim/torch_arithmetic.hpp).
class SgdRule final : public UpdateRule {
public:
    SgdRule(const OptimizerSettings& settings, Eigen::Index parameterCount);
    void step(Vector& params, Vector& grad, double lr) override;
    OptimizerState state() const override;
    void restore(const OptimizerState& state) override;

private:
    double momentum_;
    double dampening_;
    double weightDecay_;
    bool nesterov_;
    bool hasBuffer_ = false;  // torch starts the buffer as a copy of the first gradient
    Vector buffer_;
};

}  // namespace lrscope::core
