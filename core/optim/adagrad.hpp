#pragma once

#include <cstdint>

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// Adagrad, as torch.optim.Adagrad (torch/optim/adagrad.py, torch 1.13); t is the 1-based
// step count:
//   g += wd * p;  clr = lr / (1 + (t - 1) * lr_decay);  s += g * g  (s starts at
//   initial_accumulator);  p -= clr * g / (sqrt(s) + eps)
class AdagradRule final : public UpdateRule {
public:
    AdagradRule(const OptimizerSettings& settings, Eigen::Index parameterCount);
    void step(Vector& params, Vector& grad, double lr) override;
    OptimizerState state() const override;
    void restore(const OptimizerState& state) override;

private:
    double weightDecay_;
    double lrDecay_;
    double eps_;
    std::int64_t steps_ = 0;
    Vector sum_;  // running sum of squared gradients
};

}  // namespace lrscope::core
