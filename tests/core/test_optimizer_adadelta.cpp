// Adadelta (core/optimizers/adadelta.hpp).

#include <gtest/gtest.h>

#include <cmath>

#include "core/optimizer.hpp"
#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

using optimizer_test::distanceAfter;
using optimizer_test::expectMatchesTorch;

TEST(OptimizerAdadelta, MatchesTorchStepByStep) {
    EXPECT_EQ(expectMatchesTorch({"adadelta"}), 4);
}

TEST(OptimizerAdadelta, TwoStepsByHand) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adadelta);
    s.rho = 0.5;
    s.eps = 0.01;  // large, so the numbers stay readable
    const auto rule = makeUpdateRule(s, 1);
    Vector p = Vector::Constant(1, 0.0);
    // Step 1, g = 1: v = 0.5 * 1 = 0.5; d = sqrt(0 + 0.01) / sqrt(0.5 + 0.01) * 1
    // = 0.1 / sqrt(0.51); u = 0.5 * d^2 = 0.005 / 0.51; p = -d = -0.14002800840280098
    Vector g = Vector::Constant(1, 1.0);
    rule->step(p, g, 1.0);
    const double d1 = 0.1 / std::sqrt(0.51);
    EXPECT_NEAR(p[0], -0.14002800840280098, 1e-15);
    // Step 2, g = 1: v = 0.25 + 0.5 = 0.75; u = 0.005 / 0.51;
    // d = sqrt(u + 0.01) / sqrt(0.76) = 0.14142... ; p = -d1 - lr * d with lr = 0.5
    g[0] = 1.0;
    rule->step(p, g, 0.5);
    const double d2 = std::sqrt(0.5 * d1 * d1 + 0.01) / std::sqrt(0.76);
    EXPECT_NEAR(p[0], -d1 - 0.5 * d2, 1e-15);
    EXPECT_NEAR(p[0], -0.22579, 1e-5);
}

TEST(OptimizerAdadelta, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adadelta);  // lr 1, rho 0.9, eps 1e-6
    EXPECT_LT(distanceAfter(s, 20000), 1e-3);
}

}  // namespace
}  // namespace lrscope::core
