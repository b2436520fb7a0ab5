// The sweep's U-curve: one number per run, grouped by optimizer, sorted by rate, best marked.
#include <gtest/gtest.h>

#include "core/analysis/sweep_curve.hpp"

namespace lrscope::core {
namespace {

EpochRecord record(int epoch, double trainLoss, std::optional<double> testLoss,
                   std::optional<double> testError) {
    EpochRecord r;
    r.epoch = epoch;
    r.trainLoss = trainLoss;
    r.testLoss = testLoss;
    r.testError = testError;
    return r;
}

TEST(SweepCurve, MeasuresReadTheLastOrTheLowestRecord) {
    const std::vector<EpochRecord> history = {record(0, 2.0, 2.5, 0.5), record(1, 1.0, 0.8, 0.25),
                                              record(2, 0.5, 1.2, 0.125)};
    EXPECT_EQ(sweepValue(history, SweepMeasure::FinalTrainLoss), 0.5);
    EXPECT_EQ(sweepValue(history, SweepMeasure::FinalTestLoss), 1.2);
    EXPECT_EQ(sweepValue(history, SweepMeasure::BestTestLoss), 0.8);
    EXPECT_EQ(sweepValue(history, SweepMeasure::FinalTestErrorPercent), 12.5);
}

TEST(SweepCurve, AHistoryWithoutATestSplitOrEpochsHasNoTestValues) {
    const std::vector<EpochRecord> history = {record(0, 2.0, std::nullopt, std::nullopt)};
    EXPECT_EQ(sweepValue(history, SweepMeasure::FinalTrainLoss), 2.0);
    EXPECT_FALSE(sweepValue(history, SweepMeasure::FinalTestLoss));
    EXPECT_FALSE(sweepValue(history, SweepMeasure::BestTestLoss));
    EXPECT_FALSE(sweepValue(history, SweepMeasure::FinalTestErrorPercent));
    EXPECT_FALSE(sweepValue({}, SweepMeasure::FinalTrainLoss));
}

TEST(SweepCurve, MeasureKeysRoundTripAndUnknownKeysAreRejected) {
    for (const SweepMeasure measure : kSweepMeasures) {
        EXPECT_EQ(measureFromKey(measureKey(measure)), measure);
    }
    EXPECT_FALSE(measureFromKey("final-loss"));
    EXPECT_EQ(measureKey(SweepMeasure::FinalTestErrorPercent), "final-error");
}

TEST(SweepCurve, GroupsKeepFirstAppearanceAndSortByRate) {
    const std::vector<SweepPoint> points = {{1, "sgd", 1.0, 0.9, std::nullopt},
                                            {2, "adam", 0.01, 0.2, std::nullopt},
                                            {3, "sgd", 0.01, 0.5, std::nullopt},
                                            {4, "sgd", 0.1, 0.3, std::nullopt},
                                            {5, "adam", 0.001, 0.4, std::nullopt}};
    const auto curves = sweepCurves(points);
    ASSERT_EQ(curves.size(), 2U);
    EXPECT_EQ(curves[0].group, "sgd");
    ASSERT_EQ(curves[0].points.size(), 3U);
    EXPECT_EQ(curves[0].points[0].run, 3U);
    EXPECT_EQ(curves[0].points[1].run, 4U);
    EXPECT_EQ(curves[0].points[2].run, 1U);
    EXPECT_EQ(curves[0].best, 1U);  // 0.3 at lr 0.1
    EXPECT_EQ(curves[1].group, "adam");
    EXPECT_EQ(curves[1].points[0].run, 5U);
    EXPECT_EQ(curves[1].best, 1U);  // 0.2 at lr 0.01
}

TEST(SweepCurve, ADivergedRunIsNeverTheBestEvenWithALowerLastValue) {
    // A run that diverged keeps its finite history; its last loss may look good.
    const std::vector<SweepPoint> points = {{1, "sgd", 0.1, 0.4, std::nullopt},
                                            {2, "sgd", 10.0, 0.01, 3},
                                            {3, "sgd", 1.0, 0.4, std::nullopt},
                                            {4, "sgd", 0.01, std::nullopt, std::nullopt}};
    const auto curves = sweepCurves(points);
    ASSERT_EQ(curves.size(), 1U);
    ASSERT_TRUE(curves[0].best);
    // Ties go to the first in rate order: 0.4 at lr 0.1 before 0.4 at lr 1.
    EXPECT_EQ(curves[0].points[*curves[0].best].run, 1U);
}

TEST(SweepCurve, ACurveOfOnlyDivergedRunsHasNoBest) {
    const auto curves = sweepCurves({{1, "adam", 5.0, 1.0, 2}, {2, "adam", 50.0, std::nullopt, 0}});
    ASSERT_EQ(curves.size(), 1U);
    EXPECT_FALSE(curves[0].best);
}

}  // namespace
}  // namespace lrscope::core
