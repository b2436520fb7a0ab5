#include "core/analysis/smoothing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Same bits (so NaN matches NaN and -0 does not match +0).
void expectSameBits(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(std::memcmp(&actual[i], &expected[i], sizeof(double)), 0)
            << "at " << i << ": " << actual[i] << " vs " << expected[i];
    }
}

// w = 0.5 over 1, 3, 2, by hand:
//   n=1: last = 0.5*0 + 0.5*1 = 0.5,    shown 0.5 / (1 - 0.5)      = 1
//   n=2: last = 0.5*0.5 + 0.5*3 = 1.75, shown 1.75 / (1 - 0.25)    = 7/3
//   n=3: last = 0.875 + 0.5*2 = 1.875,  shown 1.875 / (1 - 0.125)  = 15/7
// Every intermediate is exact in binary, so the quotients are the doubles nearest 7/3, 15/7.
TEST(Smoothing, DebiasedMovingAverageByHand) {
    expectSameBits(smoothSeries(std::vector<double>{1, 3, 2}, 0.5), {1.0, 7.0 / 3.0, 15.0 / 7.0});
}

// w = 0.9 over 1, 0: shown (0.1*1) / 0.1 = 1, then (0.9*0.1) / (1 - 0.81) = 0.09/0.19 = 9/19.
TEST(Smoothing, FirstPointShowsItselfAndEarlyPointsAreNotPulledToZero) {
    const std::vector<double> shown = smoothSeries(std::vector<double>{1, 0}, 0.9);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_DOUBLE_EQ(shown[0], 1.0);
    EXPECT_NEAR(shown[1], 9.0 / 19.0, 1e-15);
}

// NaN and Inf are shown as they are and not counted: 1, NaN, 3 smooths as 1, 3 does.
TEST(Smoothing, NonFinitePointsPassThroughAndAreNotFoldedIn) {
    expectSameBits(smoothSeries(std::vector<double>{1, kNan, 3}, 0.5), {1.0, kNan, 7.0 / 3.0});
    expectSameBits(smoothSeries(std::vector<double>{1, kInf, -kInf, 3}, 0.5),
                   {1.0, kInf, -kInf, 7.0 / 3.0});
    // Leading NaN: the average starts at the first finite value (n=1: 0.5*4 / 0.5 = 4; n=2:
    // (0.5*2 + 0.5*2) / 0.75 = 8/3).
    expectSameBits(smoothSeries(std::vector<double>{kNan, 4, 2}, 0.5), {kNan, 4.0, 8.0 / 3.0});
}

TEST(Smoothing, WeightZeroShowsTheInputExactly) {
    const std::vector<double> values = {0.1,  -0.0,  1e300, 3e-320,
                                        kNan, -7.25, kInf,  0.30000000000000004};
    expectSameBits(smoothSeries(values, 0.0), values);
}

TEST(Smoothing, ConstantSeriesIsShownExactly) {
    const std::vector<double> values(50, 0.1);
    expectSameBits(smoothSeries(values, 0.99), values);
}

// A constant run shows exactly, and the average still runs underneath it: 2, 2, 5 at w=0.5
// shows 2, 2 and then last = 0.5*(0.5*(0.5*2) + 0.5*2) + 0.5*5 = 3.25 over 0.875 = 26/7.
TEST(Smoothing, ConstantPrefixShowsExactlyThenTheAverageContinues) {
    expectSameBits(smoothSeries(std::vector<double>{2, 2, 5}, 0.5), {2.0, 2.0, 26.0 / 7.0});
}

TEST(Smoothing, AddingPointsLiveGivesTheSameBitsAsTheWholeSeries) {
    std::vector<double> series;
    for (int i = 0; i < 200; ++i) {
        series.push_back(std::exp(-0.02 * i) + 0.1 * std::sin(1.7 * i));
    }
    series[0] = series[1] = series[2];  // a constant start
    series[40] = kNan;
    series[41] = kInf;
    series[120] = kNan;
    for (const double weight : {0.0, 0.6, 0.95, 0.999}) {
        const std::vector<double> whole = smoothSeries(series, weight);
        // Appended in uneven batches, as a 30 Hz drain hands them over.
        SeriesSmoother live(weight);
        std::vector<double> shown;
        size_t at = 0;
        for (const size_t batch : {1u, 2u, 7u, 1u, 30u, 3u, 56u}) {
            const std::vector<double> part =
                live.add(std::span<const double>(series).subspan(at, batch));
            shown.insert(shown.end(), part.begin(), part.end());
            at += batch;
        }
        while (at < series.size()) {
            shown.push_back(live.add(series[at++]));
        }
        expectSameBits(shown, whole);
    }
}

TEST(Smoothing, RejectsWeightsOutsideZeroToOne) {
    for (const double weight : {-0.1, 1.0, 1.5, kNan, kInf}) {
        try {
            SeriesSmoother smoother(weight);
            ADD_FAILURE() << "accepted weight " << weight;
        } catch (const InputError& e) {
            EXPECT_EQ(e.key(), "smoothing");
            EXPECT_NE(
                std::string(e.what()).find("expected 0 (no smoothing) up to, not including, 1"),
                std::string::npos)
                << e.what();
        }
    }
}

}  // namespace
}  // namespace lrscope::core
