// Adagrad (core/optim/adagrad.hpp).

#include <gtest/gtest.h>

#include <cmath>

#include "core/optim/optimizer.hpp"
#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

using optimizer_test::distanceAfter;
using optimizer_test::expectMatchesTorch;

TEST(OptimizerAdagrad, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"adagrad"}), 4);
}

TEST(OptimizerAdagrad, TwoStepsByHand) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adagrad);  // eps 1e-10
    s.lrDecay = 0.5;
    s.initialAccumulator = 3.0;
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 1.0);
    // Step 1, g = 1: clr = 0.1 / (1 + 0 * 0.5) = 0.1; s = 3 + 1 = 4;
    // p = 1 - 0.1 * 1 / (2 + 1e-10) = 0.95 + 2.5e-12 (to 1e-21)
    Vector g = Vector::Constant(1, 1.0);
    rule->step(p, g, 0.1);
    EXPECT_NEAR(p[0], 0.9500000000025, 1e-15);
    // Step 2, g = -2: clr = 0.1 / (1 + 1 * 0.5) = 1/15; s = 4 + 4 = 8;
    // p = 0.9500000000025 + (1/15) * 2 / (sqrt(8) + 1e-10) = 0.9500000000025 + 0.0471404520774...
    //   = 0.99714045208 (0.9971404520799...)
    g[0] = -2.0;
    rule->step(p, g, 0.1);
    const double expected = 0.9500000000025 + (2.0 / 15.0) / (std::sqrt(8.0) + 1e-10);
    EXPECT_NEAR(p[0], expected, 1e-15);
    EXPECT_NEAR(p[0], 0.99714045208, 1e-11);
}

TEST(OptimizerAdagrad, ZeroGradientWithZeroAccumulatorStaysFinite) {
    const auto rule = makeUpdateRule(defaultsFor(OptimizerKind::Adagrad), 2);
    Vector p = (Vector(2) << 1.0, 2.0).finished();
    Vector g = Vector::Zero(2);
    rule->step(p, g, 0.01);  // 0 / (sqrt(0) + eps) = 0
    EXPECT_EQ(p[0], 1.0);
    EXPECT_EQ(p[1], 2.0);
}

TEST(OptimizerAdagrad, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adagrad);
    s.lr = 0.5;
    EXPECT_LT(distanceAfter(s, 3000), 1e-6);
}

}  // namespace
}  // namespace lrscope::core
