// The one table of which optimizer uses which setting (core/optim/optimizer_setting.hpp),
// checked against torch.optim's argument lists.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/optim/optimizer_setting.hpp"

namespace lrscope::core {
namespace {

using K = OptimizerKind;
using S = OptimizerSetting;

TEST(OptimizerSettingTable, RowsAreInEnumOrderSoLookupsFindTheirRow) {
    const auto table = optimizerSettingTable();
    ASSERT_EQ(table.size(), 12U);
    for (std::size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(table[i].setting), i) << table[i].key;
        EXPECT_EQ(&settingInfo(table[i].setting), &table[i]);
    }
}

TEST(OptimizerSettingTable, EachOptimizerUsesTorchsArguments) {
    // torch.optim.SGD(lr, momentum, dampening, weight_decay, nesterov): plain sgd has no
    // momentum, nesterov no dampening; Adagrad(lr, lr_decay, weight_decay,
    // initial_accumulator_value, eps); Adadelta(lr, rho, eps, weight_decay);
    // RMSprop(lr, alpha, eps, weight_decay, momentum, centered);
    // Adam/AdamW(lr, betas, eps, weight_decay, amsgrad).
    EXPECT_EQ(settingsOf(K::Sgd), (std::vector<S>{S::WeightDecay}));
    EXPECT_EQ(settingsOf(K::Momentum), (std::vector<S>{S::Momentum, S::Dampening, S::WeightDecay}));
    EXPECT_EQ(settingsOf(K::Nesterov), (std::vector<S>{S::Momentum, S::WeightDecay}));
    EXPECT_EQ(settingsOf(K::Adagrad),
              (std::vector<S>{S::Eps, S::LrDecay, S::InitialAccumulator, S::WeightDecay}));
    EXPECT_EQ(settingsOf(K::Adadelta), (std::vector<S>{S::Rho, S::Eps, S::WeightDecay}));
    EXPECT_EQ(settingsOf(K::RmsProp),
              (std::vector<S>{S::Momentum, S::Alpha, S::Eps, S::WeightDecay, S::Centered}));
    for (const K adam : {K::Adam, K::AdamW}) {
        EXPECT_EQ(settingsOf(adam),
                  (std::vector<S>{S::Beta1, S::Beta2, S::Eps, S::WeightDecay, S::Amsgrad}));
    }
}

TEST(OptimizerSettingTable, ValuesRoundTripThroughTheSettings) {
    OptimizerSettings settings = defaultsFor(K::Adam);
    for (const OptimizerSettingInfo& info : optimizerSettingTable()) {
        const double value = info.isSwitch ? 1.0 : 0.125;
        setSettingValue(settings, info.setting, value);
        EXPECT_EQ(settingValue(settings, info.setting), value) << info.key;
    }
    EXPECT_TRUE(settings.centered);
    EXPECT_TRUE(settings.amsgrad);
    EXPECT_EQ(settings.momentum, 0.125);
    EXPECT_EQ(settings.initialAccumulator, 0.125);
}

TEST(OptimizerSettingTable, KeysAreTheCliFlagsAndErrorKeys) {
    std::vector<std::string> keys;
    for (const OptimizerSettingInfo& info : optimizerSettingTable()) {
        keys.emplace_back(info.key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"momentum", "dampening", "rho", "alpha", "beta1",
                                              "beta2", "eps", "lr-decay", "initial-accumulator",
                                              "weight-decay", "centered", "amsgrad"}));
}

}  // namespace
}  // namespace lrscope::core
