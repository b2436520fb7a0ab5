// A run whose step statistics overflowed (a step size of Inf before the loss diverged) can be
// saved: clearNonFiniteStatistics turns them into null, which JSON can hold; nothing else in
// the history changes.
#include <gtest/gtest.h>

#include <limits>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {
namespace {

Session sessionWithStatistics(double gradNorm, double stepSize) {
    SessionRun run;
    run.number = 1;
    run.name = "SGD lr=30";
    run.colour = "#0072b2";
    run.config.epochs = 3;
    for (int epoch = 0; epoch < 2; ++epoch) {
        EpochRecord record;
        record.epoch = epoch;
        record.trainLoss = 0.5;
        record.lr = 30.0;
        record.gradNorm = gradNorm;
        record.updateRatio = 0.25;
        record.stepSize = stepSize;
        run.history.push_back(record);
    }
    Session session;
    session.runs.push_back(run);
    return session;
}

TEST(SessionStatistics, AnInfiniteStepSizeCannotBeWrittenAsItIs) {
    const Session session = sessionWithStatistics(2.0, std::numeric_limits<double>::infinity());
    EXPECT_THROW(sessionToJsonText(session), InputError);
}

TEST(SessionStatistics, ClearingMakesItStorableAndKeepsTheRest) {
    Session session = sessionWithStatistics(std::numeric_limits<double>::quiet_NaN(),
                                            -std::numeric_limits<double>::infinity());
    clearNonFiniteStatistics(session.runs[0].history);
    const Session back = sessionFromJsonText(sessionToJsonText(session), "s.lrscope");
    ASSERT_EQ(back.runs[0].history.size(), 2U);
    for (const EpochRecord& record : back.runs[0].history) {
        EXPECT_FALSE(record.gradNorm.has_value());
        EXPECT_FALSE(record.stepSize.has_value());
        EXPECT_EQ(record.updateRatio, 0.25);
        EXPECT_EQ(record.trainLoss, 0.5);
    }
}

TEST(SessionStatistics, FiniteStatisticsAreLeftAlone) {
    Session session = sessionWithStatistics(2.0, 1e300);
    const Session before = session;
    clearNonFiniteStatistics(session.runs[0].history);
    EXPECT_EQ(sessionToJsonText(session), sessionToJsonText(before));
}

}  // namespace
}  // namespace lrscope::core
