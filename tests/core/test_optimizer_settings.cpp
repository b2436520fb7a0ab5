// Optimizer names, defaults and validation (core/optimizer.hpp, core/optimizer.cpp).

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include <nlohmann/json.hpp>
#include "core/base/errors.hpp"
#include "core/optim/optimizer.hpp"

#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string validationMessage(const OptimizerSettings& s) {
    try {
        validate(s);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(OptimizerSettings, NamesRoundTrip) {
    for (const OptimizerKind kind : kAllOptimizers) {
        EXPECT_EQ(parseOptimizer(optimizerName(kind)), kind);
        EXPECT_FALSE(optimizerDisplayName(kind).empty());
    }
    EXPECT_EQ(optimizerName(OptimizerKind::RmsProp), "rmsprop");
    EXPECT_EQ(optimizerDisplayName(OptimizerKind::RmsProp), "RMSprop");
    EXPECT_EQ(optimizerDisplayName(OptimizerKind::AdamW), "AdamW");
    EXPECT_EQ(optimizerDisplayName(OptimizerKind::Sgd), "SGD");
}

TEST(OptimizerSettings, ParseIgnoresCase) {
    EXPECT_EQ(parseOptimizer("Adam"), OptimizerKind::Adam);
    EXPECT_EQ(parseOptimizer("ADAMW"), OptimizerKind::AdamW);
    EXPECT_EQ(parseOptimizer("RMSprop"), OptimizerKind::RmsProp);
    EXPECT_EQ(parseOptimizer("SGD"), OptimizerKind::Sgd);
}

TEST(OptimizerSettings, ParseRejectsUnknownNamesListingTheKnownOnes) {
    for (const char* bad : {"", "adamax", "sgd ", "adam-w", "lbfgs"}) {
        try {
            parseOptimizer(bad);
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const InputError& e) {
            EXPECT_EQ(std::string(e.what()),
                      "--optimizer: unknown optimizer '" + std::string(bad) +
                          "'; expected sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam "
                          "or adamw");
        }
    }
}

TEST(OptimizerSettings, DefaultsAreTorchDefaults) {
    // settingsOf() starts from defaultsFor(kind) and overwrites every value torch lists, so the
    // result equals defaultsFor(kind) exactly when each torch default is lrscope's default.
    const auto& torch = optimizer_test::optimizerReference().at("torch_defaults");
    for (const OptimizerKind kind : kAllOptimizers) {
        const OptimizerSettings s = defaultsFor(kind);
        EXPECT_EQ(s.kind, kind);
        const bool sgdFamily = kind == OptimizerKind::Sgd || kind == OptimizerKind::Momentum ||
                               kind == OptimizerKind::Nesterov;
        const std::string name(sgdFamily ? "sgd" : optimizerName(kind));
        SCOPED_TRACE(optimizerName(kind));
        nlohmann::json values = torch.at(name);
        ASSERT_FALSE(values.empty());
        if (sgdFamily) {
            values["lr"] = 0.01;  // torch.optim.SGD has no default learning rate
            if (kind != OptimizerKind::Sgd) {
                values["momentum"] = 0.9;  // lrscope's Momentum and Nesterov
            }
        }
        const OptimizerSettings want = optimizer_test::settingsOf(
            {{"optimizer", std::string(optimizerName(kind))}, {"settings", values}});
        EXPECT_EQ(s.lr, want.lr);
        EXPECT_EQ(s.weightDecay, want.weightDecay);
        EXPECT_EQ(s.momentum, want.momentum);
        EXPECT_EQ(s.dampening, want.dampening);
        EXPECT_EQ(s.rho, want.rho);
        EXPECT_EQ(s.alpha, want.alpha);
        EXPECT_EQ(s.beta1, want.beta1);
        EXPECT_EQ(s.beta2, want.beta2);
        EXPECT_EQ(s.eps, want.eps);
        EXPECT_EQ(s.lrDecay, want.lrDecay);
        EXPECT_EQ(s.initialAccumulator, want.initialAccumulator);
        EXPECT_EQ(s.centered, want.centered);
        EXPECT_EQ(s.amsgrad, want.amsgrad);
    }
    EXPECT_EQ(defaultsFor(OptimizerKind::Adagrad).eps, 1e-10);
    EXPECT_EQ(defaultsFor(OptimizerKind::Adadelta).lr, 1.0);
    EXPECT_EQ(defaultsFor(OptimizerKind::AdamW).weightDecay, 1e-2);
}

TEST(OptimizerSettings, DefaultsAreValid) {
    for (const OptimizerKind kind : kAllOptimizers) {
        EXPECT_NO_THROW(validate(defaultsFor(kind))) << optimizerName(kind);
        EXPECT_NE(makeUpdateRule(defaultsFor(kind), 3), nullptr);
    }
}

TEST(OptimizerSettings, LearningRateMustBePositiveAndAtMost100) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Sgd);
    s.lr = 1e6;
    EXPECT_EQ(validationMessage(s), "--lr: 1e+06 is out of range; expected 0 < lr <= 100");
    s.lr = 0.0;
    EXPECT_EQ(validationMessage(s), "--lr: 0 is out of range; expected 0 < lr <= 100");
    s.lr = -0.5;
    EXPECT_EQ(validationMessage(s), "--lr: -0.5 is out of range; expected 0 < lr <= 100");
    s.lr = kNan;
    EXPECT_EQ(validationMessage(s), "--lr: nan is out of range; expected 0 < lr <= 100");
    s.lr = kInf;
    EXPECT_EQ(validationMessage(s), "--lr: inf is out of range; expected 0 < lr <= 100");
    s.lr = 100.0;
    EXPECT_EQ(validationMessage(s), "");
    s.lr = 1e-12;
    EXPECT_EQ(validationMessage(s), "");
}

TEST(OptimizerSettings, EachSettingNamesItsFlagValueAndRange) {
    struct Case {
        void (*set)(OptimizerSettings&);
        std::string message;
    };
    const Case cases[] = {
        {[](OptimizerSettings& s) { s.beta1 = 1.5; },
         "--beta1: 1.5 is out of range; expected 0 <= beta1 < 1"},
        {[](OptimizerSettings& s) { s.beta1 = 1.0; },
         "--beta1: 1 is out of range; expected 0 <= beta1 < 1"},
        {[](OptimizerSettings& s) { s.beta2 = -0.1; },
         "--beta2: -0.1 is out of range; expected 0 <= beta2 < 1"},
        {[](OptimizerSettings& s) { s.momentum = 1.0; },
         "--momentum: 1 is out of range; expected 0 <= momentum < 1"},
        {[](OptimizerSettings& s) { s.dampening = 1.25; },
         "--dampening: 1.25 is out of range; expected 0 <= dampening <= 1"},
        {[](OptimizerSettings& s) { s.weightDecay = -1e-3; },
         "--weight-decay: -0.001 is out of range; expected weight_decay >= 0"},
        {[](OptimizerSettings& s) { s.rho = 2.0; },
         "--rho: 2 is out of range; expected 0 <= rho <= 1"},
        {[](OptimizerSettings& s) { s.alpha = -1.0; },
         "--alpha: -1 is out of range; expected 0 <= alpha <= 1"},
        {[](OptimizerSettings& s) { s.eps = 0.0; }, "--eps: 0 is out of range; expected eps > 0"},
        {[](OptimizerSettings& s) { s.lrDecay = -0.5; },
         "--lr-decay: -0.5 is out of range; expected lr_decay >= 0"},
        {[](OptimizerSettings& s) { s.initialAccumulator = -2.0; },
         "--initial-accumulator: -2 is out of range; expected initial_accumulator >= 0"},
    };
    for (const Case& c : cases) {
        for (const OptimizerKind kind : kAllOptimizers) {
            OptimizerSettings s = defaultsFor(kind);
            c.set(s);
            EXPECT_EQ(validationMessage(s), c.message) << optimizerName(kind);
        }
    }
}

TEST(OptimizerSettings, NonFiniteValuesAreRejectedEverywhere) {
    void (*const setters[])(OptimizerSettings&, double) = {
        [](OptimizerSettings& s, double v) { s.lr = v; },
        [](OptimizerSettings& s, double v) { s.weightDecay = v; },
        [](OptimizerSettings& s, double v) { s.momentum = v; },
        [](OptimizerSettings& s, double v) { s.dampening = v; },
        [](OptimizerSettings& s, double v) { s.rho = v; },
        [](OptimizerSettings& s, double v) { s.alpha = v; },
        [](OptimizerSettings& s, double v) { s.beta1 = v; },
        [](OptimizerSettings& s, double v) { s.beta2 = v; },
        [](OptimizerSettings& s, double v) { s.eps = v; },
        [](OptimizerSettings& s, double v) { s.lrDecay = v; },
        [](OptimizerSettings& s, double v) { s.initialAccumulator = v; },
    };
    for (const auto set : setters) {
        for (const double bad : {kNan, kInf, -kInf}) {
            OptimizerSettings s = defaultsFor(OptimizerKind::Adam);
            set(s, bad);
            EXPECT_THROW(validate(s), InputError);
        }
    }
}

TEST(OptimizerSettings, BoundariesAreAccepted) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Momentum);
    s.momentum = 0.0;
    s.dampening = 1.0;
    s.rho = 0.0;
    s.alpha = 1.0;
    s.beta1 = 0.0;
    s.beta2 = 0.0;
    s.weightDecay = 0.0;
    EXPECT_NO_THROW(validate(s));
    s.rho = 1.0;
    s.alpha = 0.0;
    s.eps = 1e-300;
    s.weightDecay = 1e3;
    EXPECT_NO_THROW(validate(s));
}

TEST(OptimizerSettings, NesterovNeedsMomentumAndNoDampening) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Nesterov);
    s.momentum = 0.0;
    EXPECT_EQ(validationMessage(s),
              "--momentum: 0 is out of range for nesterov; expected 0 < momentum < 1");
    s.momentum = 0.9;
    s.dampening = 0.1;
    EXPECT_EQ(validationMessage(s),
              "--dampening: 0.1 is not allowed with nesterov; expected dampening = 0");
    // Plain momentum takes both.
    s.kind = OptimizerKind::Momentum;
    EXPECT_NO_THROW(validate(s));
    s.momentum = 0.0;
    EXPECT_NO_THROW(validate(s));
}

TEST(OptimizerSettings, UpdateRulesWorkOnAnEmptyParameterVector) {
    for (const OptimizerKind kind : kAllOptimizers) {
        const auto rule = makeUpdateRule(defaultsFor(kind), 0);
        Vector p(0);
        Vector g(0);
        rule->step(p, g, 0.1);
        EXPECT_EQ(p.size(), 0);
    }
}

}  // namespace
}  // namespace lrscope::core
