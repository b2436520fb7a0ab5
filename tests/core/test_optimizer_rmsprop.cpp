// RMSprop (core/optim/rmsprop.hpp).

#include <gtest/gtest.h>

#include <cmath>

#include "core/optim/optimizer.hpp"
#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

using optimizer_test::distanceAfter;
using optimizer_test::expectMatchesTorch;

TEST(OptimizerRmsProp, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"rmsprop"}), 5);
}

TEST(OptimizerRmsProp, TwoStepsByHand) {
    OptimizerSettings s = defaultsFor(OptimizerKind::RmsProp);  // alpha 0.99, eps 1e-8
    s.momentum = 0.5;
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 0.0);
    // Step 1, g = 2: v = 0.01 * 4 = 0.04, sqrt(v) + eps = 0.2 + 1e-8;
    // b = 0 * 0.5 + 2 / (0.2 + 1e-8) = 9.9999995...; p = -0.01 * b = -0.099999995
    Vector g = Vector::Constant(1, 2.0);
    rule->step(p, g, 0.01);
    const double b1 = 2.0 / (0.2 + 1e-8);
    EXPECT_NEAR(p[0], -0.01 * b1, 1e-15);
    EXPECT_NEAR(p[0], -0.099999995, 1e-15);
    // Step 2, g = -1: v = 0.99 * 0.04 + 0.01 * 1 = 0.0496;
    // b = 0.5 * b1 - 1 / (sqrt(0.0496) + 1e-8) = 4.99999975 - 4.49013209906 = 0.50986740094;
    // p = -0.099999995 - 0.01 * 0.50986740094 = -0.10509866901 (-0.1050986690094355916)
    g[0] = -1.0;
    rule->step(p, g, 0.01);
    const double b2 = 0.5 * b1 - 1.0 / (std::sqrt(0.0496) + 1e-8);
    EXPECT_NEAR(p[0], -0.01 * b1 - 0.01 * b2, 1e-15);
    EXPECT_NEAR(p[0], -0.1050986690094355916, 1e-15);
}

TEST(OptimizerRmsProp, CenteredUsesTheVarianceOfTheGradient) {
    OptimizerSettings s = defaultsFor(OptimizerKind::RmsProp);
    s.centered = true;
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 0.0);
    Vector g = Vector::Constant(1, 1.0);
    // v = 0.01, a = 0.01: scale = sqrt(0.01 - 0.0001) + eps; p = -lr / scale
    rule->step(p, g, 0.01);
    EXPECT_NEAR(p[0], -0.01 / (std::sqrt(0.0099) + 1e-8), 1e-15);
}

TEST(OptimizerRmsProp, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::RmsProp);
    s.lr = 1e-3;
    EXPECT_LT(distanceAfter(s, 5000), 1e-2);
    s.centered = true;
    EXPECT_LT(distanceAfter(s, 5000), 1e-2);
    s.centered = false;
    s.momentum = 0.9;
    s.lr = 1e-4;
    EXPECT_LT(distanceAfter(s, 5000), 1e-2);
}

}  // namespace
}  // namespace lrscope::core
