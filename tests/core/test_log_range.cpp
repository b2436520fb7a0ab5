#include "core/analysis/log_range.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/base/number_format.hpp"

namespace lrscope::core {
namespace {

std::vector<std::string> texts(const std::vector<double>& values) {
    std::vector<std::string> out;
    for (const double v : values) {
        out.push_back(formatNumber(v));
    }
    return out;
}

// The literals below are the doubles nearest to the decimals a person types: the points
// must be exactly those, so EXPECT_EQ, not a tolerance. As text they are the shortest
// round-trip forms (to_chars picks "1e-04" over "0.0001"), never 0.00010000000000000009.
TEST(LogRange, DecadesBetweenPowersOfTenAreExact) {
    EXPECT_EQ(logSpaced(1e-4, 1.0, 5), (std::vector<double>{1e-4, 1e-3, 1e-2, 1e-1, 1.0}));
    EXPECT_EQ(texts(logSpaced(1e-4, 1.0, 5)),
              (std::vector<std::string>{"1e-04", "0.001", "0.01", "0.1", "1"}));
    EXPECT_EQ(logSpaced(1e-6, 10.0, 8),
              (std::vector<double>{1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0}));
    EXPECT_EQ(logSpaced(1.0, 1000.0, 4), (std::vector<double>{1.0, 10.0, 100.0, 1000.0}));
}

TEST(LogRange, DecadesFarFromOneAreExactToo) {
    // log10 of 1e-300 carries rounding of a few ulps of 300; the points are still decades.
    const std::vector<double> points = logSpaced(1e-300, 1e300, 7);
    EXPECT_EQ(points, (std::vector<double>{1e-300, 1e-200, 1e-100, 1.0, 1e100, 1e200, 1e300}));
}

TEST(LogRange, DecadeMultiplesOfTheEndsAreTheDecimalsAPersonTypes) {
    EXPECT_EQ(logSpaced(3e-4, 3.0, 5), (std::vector<double>{3e-4, 3e-3, 3e-2, 0.3, 3.0}));
    EXPECT_EQ(texts(logSpaced(3e-4, 3.0, 5)),
              (std::vector<std::string>{"3e-04", "0.003", "0.03", "0.3", "3"}));
    EXPECT_EQ(logSpaced(7e-5, 0.7, 3), (std::vector<double>{7e-5, 7e-3, 0.7}));
}

TEST(LogRange, HalfDecadesAreGeometricMeansAndDecadesStayExact) {
    const std::vector<double> points = logSpaced(1e-4, 1.0, 9);
    ASSERT_EQ(points.size(), 9u);
    for (int d = 0; d <= 4; ++d) {
        EXPECT_EQ(points[static_cast<size_t>(2 * d)], std::stod("1e" + std::to_string(d - 4)));
    }
    // 10^-3.5 = sqrt(10) * 1e-4 = 3.16227766016837933...e-4; the others are 10x that.
    const double sqrt10 = 3.1622776601683793;
    for (int d = 0; d < 4; ++d) {
        const double expected = sqrt10 * std::stod("1e" + std::to_string(d - 4));
        EXPECT_NEAR(points[static_cast<size_t>(2 * d + 1)] / expected, 1.0, 1e-15) << d;
    }
}

TEST(LogRange, EndsAreExactForAnyRange) {
    const std::vector<double> points = logSpaced(2.5e-5, 0.7, 6);
    ASSERT_EQ(points.size(), 6u);
    EXPECT_EQ(points.front(), 2.5e-5);
    EXPECT_EQ(points.back(), 0.7);
    // Equal ratios between neighbours: (0.7 / 2.5e-5)^(1/5).
    const double ratio = std::pow(0.7 / 2.5e-5, 0.2);
    for (size_t i = 1; i < points.size(); ++i) {
        EXPECT_NEAR(points[i] / points[i - 1], ratio, 1e-12 * ratio) << i;
    }
}

TEST(LogRange, OnePointIsTheMinimumAndEqualEndsRepeat) {
    EXPECT_EQ(logSpaced(0.03, 3.0, 1), (std::vector<double>{0.03}));
    EXPECT_EQ(logSpaced(0.03, 0.03, 3), (std::vector<double>{0.03, 0.03, 0.03}));
}

TEST(LogRange, RejectsRangesOutsideItsDomain) {
    EXPECT_THROW(logSpaced(0.0, 1.0, 3), std::invalid_argument);
    EXPECT_THROW(logSpaced(-1.0, 1.0, 3), std::invalid_argument);
    EXPECT_THROW(logSpaced(1.0, 0.1, 3), std::invalid_argument);
    EXPECT_THROW(logSpaced(0.1, INFINITY, 3), std::invalid_argument);
    EXPECT_THROW(logSpaced(NAN, 1.0, 3), std::invalid_argument);
    EXPECT_THROW(logSpaced(0.1, 1.0, 0), std::invalid_argument);
}

}  // namespace
}  // namespace lrscope::core
