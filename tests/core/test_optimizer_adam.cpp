// Adam and AdamW (core/optim/adam.hpp).

#include <gtest/gtest.h>

#include "core/optim/optimizer.hpp"
#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

using optimizer_test::distanceAfter;
using optimizer_test::expectMatchesTorch;

TEST(OptimizerAdam, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"adam"}), 5);
}

TEST(OptimizerAdamW, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"adamw"}), 4);
}

TEST(OptimizerAdam, TwoStepsByHand) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adam);  // betas (0.9, 0.999), eps 1e-8
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 1.0);
    // Step 1, g = 2: m = 0.1 * 2 = 0.2, v = 0.001 * 4 = 0.004; bias corrections 0.1 and 0.001,
    // so m^ = 2 and sqrt(v^) = 2; p = 1 - 0.1 * 2 / (2 + 1e-8) = 0.9000000004999999975
    Vector g = Vector::Constant(1, 2.0);
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.9000000004999999975, 1e-15);
    // Step 2, g = -1: m = 0.9 * 0.2 - 0.1 = 0.08, v = 0.999 * 0.004 + 0.001 = 0.004996;
    // bias corrections 1 - 0.81 = 0.19 and 1 - 0.998001 = 0.001999;
    // m^ = 0.08 / 0.19 = 0.42105263157894736842, sqrt(v^) = sqrt(0.004996 / 0.001999)
    // = 1.5809015228066567345; p = 0.9000000004999999975 - 0.1 * m^ / (sqrt(v^) + 1e-8)
    // = 0.87336629670243135784
    g[0] = -1.0;
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.87336629670243135784, 1e-15);
}

TEST(OptimizerAdam, FirstStepHasSizeLearningRate) {
    // With bias correction the first step is lr * g / (|g| + eps'), whatever the gradient's size.
    for (const double g0 : {1e-3, 0.5, -7.0, 1e4}) {
        const auto rule = makeUpdateRule(defaultsFor(OptimizerKind::Adam), 1);
        Vector p = Vector::Zero(1);
        Vector g = Vector::Constant(1, g0);
        rule->step(p, g, 0.01);
        EXPECT_NEAR(std::abs(p[0]), 0.01, 1e-7) << "g = " << g0;
    }
}

TEST(OptimizerAdamW, DecaysParametersBeforeTheAdamStep) {
    OptimizerSettings s = defaultsFor(OptimizerKind::AdamW);
    ASSERT_EQ(s.weightDecay, 1e-2);
    s.weightDecay = 0.5;
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 2.0);
    Vector g = Vector::Zero(1);
    // A zero gradient leaves m = v = 0, so only the decay acts: p = 2 * (1 - 0.1 * 0.5) = 1.9
    rule->step(p, g, 0.1);
    EXPECT_DOUBLE_EQ(p[0], 1.9);
    // Adam's weight decay is L2 on the gradient instead: a zero gradient still moves p by lr.
    s.kind = OptimizerKind::Adam;
    const auto adam = makeUpdateRule(s, 1);
    p[0] = 2.0;
    g[0] = 0.0;
    adam->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 1.9, 1e-8);
}

TEST(OptimizerAdam, AmsgradNeverLetsTheDenominatorShrink) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adam);
    s.amsgrad = true;
    const auto ams = makeUpdateRule(s, 1);
    s.amsgrad = false;
    const auto plain = makeUpdateRule(s, 1);
    Vector pa = Vector::Zero(1);
    Vector pp = Vector::Zero(1);
    // A large gradient then small ones: v decays, v_max does not, so AMSGrad steps are smaller.
    for (const double g0 : {10.0, 0.1, 0.1, 0.1}) {
        Vector ga = Vector::Constant(1, g0);
        Vector gp = Vector::Constant(1, g0);
        ams->step(pa, ga, 0.1);
        plain->step(pp, gp, 0.1);
    }
    EXPECT_GT(pa[0], pp[0]);
}

TEST(OptimizerAdam, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adam);
    s.lr = 0.01;
    EXPECT_LT(distanceAfter(s, 5000), 1e-6);
    s.amsgrad = true;
    EXPECT_LT(distanceAfter(s, 5000), 1e-6);
}

TEST(OptimizerAdamW, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::AdamW);
    s.lr = 0.01;
    s.weightDecay = 0.0;  // without decay the minimum is the quadratic's own
    EXPECT_LT(distanceAfter(s, 5000), 1e-6);
    s.weightDecay = 1e-2;  // decoupled decay pulls the fixed point towards 0, a little
    EXPECT_LT(distanceAfter(s, 5000), 5e-2);
}

}  // namespace
}  // namespace lrscope::core
