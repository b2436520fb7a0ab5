#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

// The hyper-parameters besides the learning rate, one per torch.optim argument.
enum class OptimizerSetting {
    Momentum,
    Dampening,
    Rho,
    Alpha,
    Beta1,
    Beta2,
    Eps,
    LrDecay,
    InitialAccumulator,
    WeightDecay,
    Centered,
    Amsgrad,
};

// One row of the table of which optimizer uses which setting. The CLI's flags, its help text,
// the validation of flags that apply to no chosen optimizer and the window's optimizer rows
// all read this table, so they cannot disagree.
struct OptimizerSettingInfo {
    OptimizerSetting setting;
    std::string_view key;    // flag without "--" and error key: "momentum", "weight-decay"
    std::string_view label;  // as the window shows it: "Momentum", "Weight decay"
    std::string_view help;   // one sentence
    bool isSwitch;           // a flag without a value (centered, amsgrad)
    double low;              // accepted range, for number fields
    double high;
    bool highIncluded;
    std::vector<OptimizerKind> usedBy;  // as torch.optim: the optimizers with this argument
};

// Every setting, in the order the window lists them.
std::span<const OptimizerSettingInfo> optimizerSettingTable();
const OptimizerSettingInfo& settingInfo(OptimizerSetting setting);
bool usesSetting(OptimizerKind kind, OptimizerSetting setting);
// The settings `kind` uses, in table order.
std::vector<OptimizerSetting> settingsOf(OptimizerKind kind);

// The value of a setting (a switch reads 1 or 0), and setting it.
double settingValue(const OptimizerSettings& settings, OptimizerSetting setting);
void setSettingValue(OptimizerSettings& settings, OptimizerSetting setting, double value);

}  // namespace lrscope::core
