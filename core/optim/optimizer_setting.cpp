#include "core/optim/optimizer_setting.hpp"

#include <algorithm>

namespace lrscope::core {

namespace {

using K = OptimizerKind;

const std::vector<OptimizerSettingInfo>& table() {
    // torch.optim: SGD(lr, momentum=0, dampening=0, weight_decay=0, nesterov=False), here
    // split into sgd (no momentum), momentum and nesterov (momentum, no dampening);
    // Adagrad(lr, lr_decay, weight_decay, initial_accumulator_value, eps);
    // Adadelta(lr, rho, eps, weight_decay); RMSprop(lr, alpha, eps, weight_decay, momentum,
    // centered); Adam/AdamW(lr, betas, eps, weight_decay, amsgrad).
    static const std::vector<OptimizerSettingInfo> rows = {
        {OptimizerSetting::Momentum,
         "momentum",
         "Momentum",
         "Momentum factor (SGD with momentum, RMSprop).",
         false,
         0.0,
         1.0,
         false,
         {K::Momentum, K::Nesterov, K::RmsProp}},
        {OptimizerSetting::Dampening,
         "dampening",
         "Dampening",
         "Dampening for momentum (torch.optim.SGD; Nesterov requires 0).",
         false,
         0.0,
         1.0,
         true,
         {K::Momentum}},
        {OptimizerSetting::Rho,
         "rho",
         "Rho",
         "Decay of the running averages of squared gradients and updates (Adadelta).",
         false,
         0.0,
         1.0,
         true,
         {K::Adadelta}},
        {OptimizerSetting::Alpha,
         "alpha",
         "Alpha",
         "Smoothing constant (RMSprop).",
         false,
         0.0,
         1.0,
         true,
         {K::RmsProp}},
        {OptimizerSetting::Beta1,
         "beta1",
         "Beta1",
         "Decay of the first-moment estimate.",
         false,
         0.0,
         1.0,
         false,
         {K::Adam, K::AdamW}},
        {OptimizerSetting::Beta2,
         "beta2",
         "Beta2",
         "Decay of the second-moment estimate.",
         false,
         0.0,
         1.0,
         false,
         {K::Adam, K::AdamW}},
        {OptimizerSetting::Eps,
         "eps",
         "Eps",
         "Term added to the denominator for numerical stability.",
         false,
         0.0,
         1.0,
         true,
         {K::Adagrad, K::Adadelta, K::RmsProp, K::Adam, K::AdamW}},
        {OptimizerSetting::LrDecay,
         "lr-decay",
         "Lr decay",
         "Learning-rate decay per step (Adagrad).",
         false,
         0.0,
         1e6,
         true,
         {K::Adagrad}},
        {OptimizerSetting::InitialAccumulator,
         "initial-accumulator",
         "Initial accumulator",
         "Starting value of the squared-gradient sums (Adagrad).",
         false,
         0.0,
         1e6,
         true,
         {K::Adagrad}},
        {OptimizerSetting::WeightDecay,
         "weight-decay",
         "Weight decay",
         "L2 penalty added to the gradient (AdamW: decoupled decay).",
         false,
         0.0,
         1e3,
         true,
         {K::Sgd, K::Momentum, K::Nesterov, K::Adagrad, K::Adadelta, K::RmsProp, K::Adam,
          K::AdamW}},
        {OptimizerSetting::Centered,
         "centered",
         "Centered",
         "Normalise by an estimate of the gradient's variance (RMSprop).",
         true,
         0.0,
         1.0,
         true,
         {K::RmsProp}},
        {OptimizerSetting::Amsgrad,
         "amsgrad",
         "AMSGrad",
         "Use the maximum of past second moments (the AMSGrad variant).",
         true,
         0.0,
         1.0,
         true,
         {K::Adam, K::AdamW}},
    };
    return rows;
}

}  // namespace

std::span<const OptimizerSettingInfo> optimizerSettingTable() {
    return table();
}

const OptimizerSettingInfo& settingInfo(OptimizerSetting setting) {
    return table()[static_cast<std::size_t>(setting)];
}

bool usesSetting(OptimizerKind kind, OptimizerSetting setting) {
    const auto& usedBy = settingInfo(setting).usedBy;
    return std::find(usedBy.begin(), usedBy.end(), kind) != usedBy.end();
}

std::vector<OptimizerSetting> settingsOf(OptimizerKind kind) {
    std::vector<OptimizerSetting> used;
    for (const OptimizerSettingInfo& row : table()) {
        if (usesSetting(kind, row.setting)) {
            used.push_back(row.setting);
        }
    }
    return used;
}

double settingValue(const OptimizerSettings& s, OptimizerSetting setting) {
    switch (setting) {
        case OptimizerSetting::Momentum:
            return s.momentum;
        case OptimizerSetting::Dampening:
            return s.dampening;
        case OptimizerSetting::Rho:
            return s.rho;
        case OptimizerSetting::Alpha:
            return s.alpha;
        case OptimizerSetting::Beta1:
            return s.beta1;
        case OptimizerSetting::Beta2:
            return s.beta2;
        case OptimizerSetting::Eps:
            return s.eps;
        case OptimizerSetting::LrDecay:
            return s.lrDecay;
        case OptimizerSetting::InitialAccumulator:
            return s.initialAccumulator;
        case OptimizerSetting::WeightDecay:
            return s.weightDecay;
        case OptimizerSetting::Centered:
            return s.centered ? 1.0 : 0.0;
        case OptimizerSetting::Amsgrad:
            return s.amsgrad ? 1.0 : 0.0;
    }
    return 0.0;
}

void setSettingValue(OptimizerSettings& s, OptimizerSetting setting, double value) {
    switch (setting) {
        case OptimizerSetting::Momentum:
            s.momentum = value;
            break;
        case OptimizerSetting::Dampening:
            s.dampening = value;
            break;
        case OptimizerSetting::Rho:
            s.rho = value;
            break;
        case OptimizerSetting::Alpha:
            s.alpha = value;
            break;
        case OptimizerSetting::Beta1:
            s.beta1 = value;
            break;
        case OptimizerSetting::Beta2:
            s.beta2 = value;
            break;
        case OptimizerSetting::Eps:
            s.eps = value;
            break;
        case OptimizerSetting::LrDecay:
            s.lrDecay = value;
            break;
        case OptimizerSetting::InitialAccumulator:
            s.initialAccumulator = value;
            break;
        case OptimizerSetting::WeightDecay:
            s.weightDecay = value;
            break;
        case OptimizerSetting::Centered:
            s.centered = value != 0.0;
            break;
        case OptimizerSetting::Amsgrad:
            s.amsgrad = value != 0.0;
            break;
    }
}

}  // namespace lrscope::core
