// Suggested rates from hand-made range tests; every expected value is worked out below.
#include <gtest/gtest.h>

#include <cmath>

#include "core/analysis/lr_suggestions.hpp"

namespace lrscope::core {
namespace {

// Points with lr = 10^exponent and the given smoothed losses (the raw loss is not read).
std::vector<RangeTestPoint> pointsOf(const std::vector<double>& exponents,
                                     const std::vector<double>& smoothed) {
    std::vector<RangeTestPoint> points;
    for (size_t i = 0; i < smoothed.size(); ++i) {
        points.push_back({static_cast<int>(i), std::pow(10.0, exponents[i]), 0.0, smoothed[i]});
    }
    return points;
}

TEST(LrSuggestions, ValleySteepAndMinimumReadOnlyTheMiddleOfTheRecordedPoints) {
    // N = 16 asked and recorded: floor(16 / 10) = 1 point left out at the start, 5 at the
    // end, so recorded indices 1..10 remain (slice indices j = 0..9). The points left out
    // would win every suggestion if they were read: 100 -> 5 is the steepest drop and the
    // last five hold the lowest losses.
    const std::vector<double> exponents = {-6, -5, -4, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<double> smoothed = {100, 5,   6, 4,    3,  3.5,  2,  1,
                                          1.5, 0.5, 2, 0.01, 50, 0.02, 60, 0.03};
    const LrSuggestions s = lrSuggestions(pointsOf(exponents, smoothed), 16);
    ASSERT_TRUE(s.valley && s.steep && s.minimum) << s.reason;
    EXPECT_TRUE(s.reason.empty());
    // valley: slice losses 5 6 4 3 3.5 2 1 1.5 0.5 2 give L = 1 1 2 3 3 4 5 5 6 4; the first
    // largest is L = 6 at e = 8, s = 8 - 6 = 2, index 2 + floor(6/3) + floor(6/6) = 5:
    // slice j = 5 is recorded index 6, lr = 10^1.
    EXPECT_DOUBLE_EQ(*s.valley, 10.0);
    // steep: in units of ln 10 the slopes are 1, -2/2 = -1, -1, 0.5, -1.5, -1, 0.5, -1, 1.5
    // (the exponent jumps by 2 between j = 1 and 2, halving that drop's slope). The most
    // negative is -1.5 at j = 4, lr = 10^0.
    EXPECT_DOUBLE_EQ(*s.steep, 1.0);
    // minimum: the lowest slice loss 0.5 is at j = 8, recorded index 9, lr = 10^4; over 10.
    EXPECT_DOUBLE_EQ(*s.minimum, 1000.0);
}

TEST(LrSuggestions, ValleyStartingAtTheSliceStartIsClampedToItAndTiesGoToTheFirst) {
    // N = 10: one point left out at the start (recorded 0) and five at the end
    // (recorded 5..9), leaving slice 3 2 5 2 at exponents 0 1 2 3.
    const std::vector<double> exponents = {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<double> smoothed = {9, 3, 2, 5, 2, 1, 1, 1, 1, 1};
    const LrSuggestions s = lrSuggestions(pointsOf(exponents, smoothed), 10);
    ASSERT_TRUE(s.valley && s.steep && s.minimum) << s.reason;
    // valley: L = 1 2 1 2 (the last 2 is below 3 and 5); the first largest is e = 1,
    // s = 1 - 2 = -1, index -1 + floor(2/3) + floor(2/6) = -1, clamped to 0: lr = 10^0.
    EXPECT_DOUBLE_EQ(*s.valley, 1.0);
    // steep: slopes -1, 3, -3 (per ln 10): j = 2, lr = 10^2.
    EXPECT_DOUBLE_EQ(*s.steep, 100.0);
    // minimum: 2 at j = 1 and j = 3; the first, lr = 10^1, over 10.
    EXPECT_DOUBLE_EQ(*s.minimum, 1.0);
}

TEST(LrSuggestions, FewerThanTwoPointsLeftGiveNoSuggestionsAndSaySo) {
    // N = 100 asked, stopped after 16: 16 - floor(100/10) - 5 = 1 point left.
    std::vector<double> exponents;
    std::vector<double> smoothed;
    for (int i = 0; i < 17; ++i) {
        exponents.push_back(-7.0 + 0.1 * i);
        smoothed.push_back(2.0 - 0.1 * i);
    }
    auto points = pointsOf(exponents, smoothed);
    points.pop_back();
    const LrSuggestions none = lrSuggestions(points, 100);
    EXPECT_FALSE(none.valley || none.steep || none.minimum);
    EXPECT_NE(none.reason.find("16 points recorded"), std::string::npos) << none.reason;
    EXPECT_NE(none.reason.find("leaves 1"), std::string::npos) << none.reason;
    EXPECT_TRUE(lrSuggestions({}, 100).reason.find("0 points") != std::string::npos);

    // One more recorded point leaves two (recorded 10 and 11): enough. The losses fall all
    // the way, so: valley L = 1 2, e = 1, s = -1, index max(0, -1 + 0 + 0) = 0 -> recorded
    // 10; steep has one slope -> recorded 10; minimum is recorded 11 over 10.
    const LrSuggestions two = lrSuggestions(pointsOf(exponents, smoothed), 100);
    ASSERT_TRUE(two.valley && two.steep && two.minimum) << two.reason;
    EXPECT_DOUBLE_EQ(*two.valley, std::pow(10.0, exponents[10]));
    EXPECT_DOUBLE_EQ(*two.steep, std::pow(10.0, exponents[10]));
    EXPECT_DOUBLE_EQ(*two.minimum, std::pow(10.0, exponents[11]) / 10.0);
}

}  // namespace
}  // namespace lrscope::core
