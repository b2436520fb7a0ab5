#include "core/analysis/test_function.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

// Points away from the minima, with mixed signs and sizes, where every function is smooth.
constexpr PlanePoint kProbes[] = {{-1.5, 2.0}, {0.3, -0.7}, {2.2, 1.1}, {-3.1, -0.4}, {0.05, 4.0}};

TEST(TestFunction, GradientMatchesCentralFiniteDifferences) {
    for (const auto kind : kAllTestFunctions) {
        for (const auto p : kProbes) {
            const PlanePoint g = testFunctionGradient(kind, p);
            // Central differences with h scaled to the point; error O(h^2) relative.
            const double h = 1e-5;
            const double dx = (testFunctionValue(kind, {p.x + h, p.y}) -
                               testFunctionValue(kind, {p.x - h, p.y})) /
                              (2.0 * h);
            const double dy = (testFunctionValue(kind, {p.x, p.y + h}) -
                               testFunctionValue(kind, {p.x, p.y - h})) /
                              (2.0 * h);
            const std::string where = std::string(testFunctionName(kind)) + " at (" +
                                      std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
            EXPECT_NEAR(g.x, dx, 1e-6 * std::max(1.0, std::abs(dx))) << where;
            EXPECT_NEAR(g.y, dy, 1e-6 * std::max(1.0, std::abs(dy))) << where;
        }
    }
}

TEST(TestFunction, ValuesAtHandComputedPoints) {
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Rosenbrock, {-1.5, 2.0}), 12.5);
    // (1.5 - 0 + 0)^2 + 2.25^2 + 2.625^2
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Beale, {0.0, 0.0}), 14.203125);
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Himmelblau, {0.0, 0.0}), 170.0);
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Booth, {0.0, 0.0}), 74.0);
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Saddle, {1.0, 2.0}), -3.0);
    // Along the valley x = y only u changes: u = sqrt2, so 0.5 u^2 = 1; across it w does.
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Bowl, {1.0, 1.0}), 1.0);
    EXPECT_DOUBLE_EQ(testFunctionValue(TestFunctionKind::Bowl, {1.0, -1.0}), 100.0);
}

TEST(TestFunction, MinimaAreStationaryWithTheLowestValueAndInsideTheView) {
    for (const auto kind : kAllTestFunctions) {
        const auto minima = testFunctionMinima(kind);
        for (const auto m : minima) {
            const std::string name(testFunctionName(kind));
            const PlanePoint g = testFunctionGradient(kind, m);
            EXPECT_LT(std::hypot(g.x, g.y), 1e-12) << name;
            EXPECT_LT(testFunctionValue(kind, m), 1e-24) << name;
            EXPECT_TRUE(testFunctionView(kind).contains(m)) << name;
            // A step away in any direction climbs.
            for (const auto d :
                 {PlanePoint{1e-4, 0}, PlanePoint{0, 1e-4}, PlanePoint{-1e-4, 1e-4}}) {
                EXPECT_GT(testFunctionValue(kind, {m.x + d.x, m.y + d.y}),
                          testFunctionValue(kind, m))
                    << name;
            }
        }
    }
    EXPECT_EQ(testFunctionMinima(TestFunctionKind::Himmelblau).size(), 4u);
    EXPECT_TRUE(testFunctionMinima(TestFunctionKind::Saddle).empty());
}

TEST(TestFunction, SaddleIsStationaryAtTheOriginButNotAMinimum) {
    const PlanePoint g = testFunctionGradient(TestFunctionKind::Saddle, {0.0, 0.0});
    EXPECT_EQ(g.x, 0.0);
    EXPECT_EQ(g.y, 0.0);
    EXPECT_LT(testFunctionValue(TestFunctionKind::Saddle, {0.0, 0.1}), 0.0);
}

TEST(TestFunction, NamesRoundTripAndUnknownNamesAreRejected) {
    for (const auto kind : kAllTestFunctions) {
        EXPECT_EQ(parseTestFunction(testFunctionName(kind)), kind);
    }
    try {
        parseTestFunction("ackley");
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "--function: unknown function 'ackley'; expected rosenbrock, beale, "
                     "himmelblau, booth, saddle or bowl");
    }
}

}  // namespace
}  // namespace lrscope::core
