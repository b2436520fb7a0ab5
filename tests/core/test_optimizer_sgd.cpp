// SGD, SGD with momentum and Nesterov momentum (core/optim/sgd.hpp).

#include <gtest/gtest.h>

#include "core/optim/optimizer.hpp"
#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

using optimizer_test::distanceAfter;
using optimizer_test::expectMatchesTorch;

TEST(OptimizerSgd, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"sgd"}), 3);
    EXPECT_EQ(expectMatchesTorch({"momentum"}), 4);
    EXPECT_EQ(expectMatchesTorch({"nesterov"}), 2);
}

TEST(OptimizerSgd, PlainStepIsLearningRateTimesGradient) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Sgd);
    s.weightDecay = 0.5;
    Vector p = (Vector(2) << 1.0, -2.0).finished();
    Vector g = (Vector(2) << 0.5, 1.0).finished();
    makeUpdateRule(s, 2)->step(p, g, 0.25);
    // g + wd * p = (0.5 + 0.5, 1.0 - 1.0) = (1, 0);  p - 0.25 * (1, 0) = (0.75, -2)
    EXPECT_DOUBLE_EQ(p[0], 0.75);
    EXPECT_DOUBLE_EQ(p[1], -2.0);
}

TEST(OptimizerSgd, MomentumTwoStepsByHand) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Momentum);  // momentum 0.9, dampening 0
    ASSERT_EQ(s.momentum, 0.9);
    const auto rule = makeUpdateRule(s, 2);
    Vector p = (Vector(2) << 1.0, -2.0).finished();
    // Step 1, g = (0.5, 1): the buffer starts as a copy of g, b = (0.5, 1);
    // p = (1, -2) - 0.1 * (0.5, 1) = (0.95, -2.1)
    Vector g = (Vector(2) << 0.5, 1.0).finished();
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.95, 1e-15);
    EXPECT_NEAR(p[1], -2.1, 1e-15);
    // Step 2, g = (0.25, -1): b = 0.9 * (0.5, 1) + (0.25, -1) = (0.7, -0.1);
    // p = (0.95, -2.1) - 0.1 * (0.7, -0.1) = (0.88, -2.09)
    g << 0.25, -1.0;
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.88, 1e-15);
    EXPECT_NEAR(p[1], -2.09, 1e-15);
}

TEST(OptimizerSgd, NesterovTwoStepsByHand) {
    const auto rule = makeUpdateRule(defaultsFor(OptimizerKind::Nesterov), 2);
    Vector p = (Vector(2) << 1.0, -2.0).finished();
    // Step 1, g = (0.5, 1): b = g = (0.5, 1); look-ahead g + 0.9 * b = (0.95, 1.9);
    // p = (1, -2) - 0.1 * (0.95, 1.9) = (0.905, -2.19)
    Vector g = (Vector(2) << 0.5, 1.0).finished();
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.905, 1e-15);
    EXPECT_NEAR(p[1], -2.19, 1e-15);
    // Step 2, g = (0.25, -1): b = (0.7, -0.1); g + 0.9 * b = (0.88, -1.09);
    // p = (0.905, -2.19) - 0.1 * (0.88, -1.09) = (0.817, -2.081)
    g << 0.25, -1.0;
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.817, 1e-15);
    EXPECT_NEAR(p[1], -2.081, 1e-15);
}

TEST(OptimizerSgd, DampeningScalesLaterGradientsOnly) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Momentum);
    s.momentum = 0.5;
    s.dampening = 1.0;  // later gradients are ignored: the buffer only decays
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 0.0);
    Vector g = Vector::Constant(1, 2.0);
    rule->step(p, g, 1.0);  // b = 2 (undamped copy), p = -2
    g[0] = 100.0;
    rule->step(p, g, 1.0);  // b = 0.5 * 2 + 0 * 100 = 1, p = -3
    EXPECT_DOUBLE_EQ(p[0], -3.0);
}

TEST(OptimizerSgd, StateIsPerRuleAndPerIndex) {
    const OptimizerSettings s = defaultsFor(OptimizerKind::Momentum);
    const auto first = makeUpdateRule(s, 2);
    const auto second = makeUpdateRule(s, 2);
    Vector p1 = Vector::Zero(2);
    Vector g1 = (Vector(2) << 1.0, 0.0).finished();
    first->step(p1, g1, 1.0);
    // A fresh rule has no velocity, whatever another rule has seen.
    Vector p2 = Vector::Zero(2);
    Vector g2 = (Vector(2) << 0.0, 1.0).finished();
    second->step(p2, g2, 1.0);
    EXPECT_EQ(p2[0], 0.0);
    EXPECT_EQ(p2[1], -1.0);
    // The state follows the index even if the caller's vector moves in memory.
    Vector moved = p1;
    p1.resize(0);
    Vector g3 = Vector::Zero(2);
    first->step(moved, g3, 1.0);  // b = 0.9 * (1, 0)
    EXPECT_DOUBLE_EQ(moved[0], -1.9);
    EXPECT_EQ(moved[1], 0.0);
}

TEST(OptimizerSgd, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Sgd);
    s.lr = 0.2;
    EXPECT_LT(distanceAfter(s, 1000), 1e-9);
    s = defaultsFor(OptimizerKind::Momentum);
    s.lr = 0.05;
    EXPECT_LT(distanceAfter(s, 1000), 1e-9);
    s = defaultsFor(OptimizerKind::Nesterov);
    s.lr = 0.05;
    EXPECT_LT(distanceAfter(s, 1000), 1e-9);
}

}  // namespace
}  // namespace lrscope::core
