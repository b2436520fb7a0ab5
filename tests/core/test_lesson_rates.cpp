// The lesson's three rates from a range test: valley / 30, valley, just past the divergence.
#include <gtest/gtest.h>

#include "core/analysis/lesson_rates.hpp"

namespace lrscope::core {
namespace {

RangeTestResult resultEndingAt(int lastIteration, RangeTestStop stop,
                               const RangeTestSettings& settings) {
    RangeTestResult result;
    for (int i = 0; i <= lastIteration; ++i) {
        result.points.push_back({i, rangeTestRate(settings, i), 1.0, 1.0});
    }
    result.stop = stop;
    return result;
}

LrSuggestions valleyAt(double lr) {
    LrSuggestions s;
    s.valley = lr;
    s.steep = lr;
    s.minimum = lr;
    return s;
}

TEST(LessonRates, ADivergedTestGivesTheRateOfTheIterationAfterItsLastRecordedOne) {
    RangeTestSettings settings;  // 1e-7 to 10 over 100: a decade every 12.5 iterations
    const auto result = resultEndingAt(87, RangeTestStop::Diverged, settings);
    std::string reason;
    const auto rates = lessonRates(result, valleyAt(0.03), settings, &reason);
    ASSERT_TRUE(rates) << reason;
    EXPECT_DOUBLE_EQ(rates->justRight, 0.03);
    EXPECT_DOUBLE_EQ(rates->tooLow, 0.001);
    EXPECT_DOUBLE_EQ(rates->tooHigh, rangeTestRate(settings, 88));  // 1e-7 * 1e8^0.88 = 1.1
    EXPECT_NEAR(rates->tooHigh, 1.0964781961431852, 1e-12);
}

TEST(LessonRates, ACompletedTestGivesItsEndRate) {
    RangeTestSettings settings;
    settings.endLr = 3.0;
    const auto result = resultEndingAt(99, RangeTestStop::Completed, settings);
    const auto rates = lessonRates(result, valleyAt(0.08), settings, nullptr);
    ASSERT_TRUE(rates);
    EXPECT_DOUBLE_EQ(rates->tooHigh, 3.0);
}

TEST(LessonRates, TheHighRateStaysAtLeastTenTimesTheValleyAndBelowTheLimit) {
    RangeTestSettings settings;
    settings.endLr = 0.5;
    const auto close = lessonRates(resultEndingAt(99, RangeTestStop::Completed, settings),
                                   valleyAt(0.2), settings, nullptr);
    ASSERT_TRUE(close);
    EXPECT_DOUBLE_EQ(close->tooHigh, 2.0);
    settings.endLr = 1000.0;
    const auto far = lessonRates(resultEndingAt(99, RangeTestStop::Completed, settings),
                                 valleyAt(50.0), settings, nullptr);
    ASSERT_TRUE(far);
    EXPECT_DOUBLE_EQ(far->tooHigh, kMaxLearningRate);
}

TEST(LessonRates, NoValleyGivesNoRatesAndTheTestsReason) {
    RangeTestSettings settings;
    LrSuggestions none;
    none.reason = "only 3 points recorded";
    std::string reason;
    EXPECT_FALSE(lessonRates(resultEndingAt(2, RangeTestStop::NonFinite, settings), none, settings,
                             &reason));
    EXPECT_EQ(reason, "only 3 points recorded");
}

}  // namespace
}  // namespace lrscope::core
