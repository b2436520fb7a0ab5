// Adadelta (core/optim/adadelta.hpp).

#include <gtest/gtest.h>

#include "core/optim/optimizer.hpp"
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
    EXPECT_NEAR(p[0], -0.14002800840280098, 1e-15);
    // Step 2, g = 1, lr = 0.5: v = 0.25 + 0.5 = 0.75; u = 0.005 / 0.51 = 0.0098039215686;
    // d = sqrt(u + 0.01) / sqrt(0.75 + 0.01) = 0.14072640679 / 0.87177978871 = 0.16142425945;
    // p = -0.14002800840 - 0.5 * 0.16142425945 = -0.22074013813 (-0.2207401381257671850)
    g[0] = 1.0;
    rule->step(p, g, 0.5);
    EXPECT_NEAR(p[0], -0.2207401381257671850, 1e-15);
}

TEST(OptimizerAdadelta, ConvergesOnQuadratic) {
    OptimizerSettings s = defaultsFor(OptimizerKind::Adadelta);  // lr 1, rho 0.9, eps 1e-6
    EXPECT_LT(distanceAfter(s, 20000), 1e-3);
}

}  // namespace
}  // namespace lrscope::core
