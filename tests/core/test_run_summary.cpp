#include "core/analysis/run_summary.hpp"

#include <gtest/gtest.h>

#include "core/analysis/sweep_summary_json.hpp"

namespace lrscope::core {
namespace {

EpochRecord record(int epoch, double train, std::optional<double> test) {
    EpochRecord r;
    r.epoch = epoch;
    r.trainLoss = train;
    r.testLoss = test;
    return r;
}

TEST(RunSummary, FinalIsTheLastRecordAndBestTheLowestOverAllEpochs) {
    // The train loss is lowest at epoch 0 and the test loss at epoch 2: the two "best"
    // values come from different epochs and neither is the final one.
    const RunSummary s = summarize(
        {record(0, 0.5, 0.9), record(1, 0.6, 0.8), record(2, 0.7, 0.3), record(3, 0.8, 0.4)});
    EXPECT_EQ(s.finalTrainLoss, 0.8);
    EXPECT_EQ(s.finalTestLoss, 0.4);
    EXPECT_EQ(s.bestTrainLoss, 0.5);
    EXPECT_EQ(s.bestTestLoss, 0.3);
}

TEST(RunSummary, NoTestSplitLeavesTheTestValuesEmpty) {
    const RunSummary s = summarize({record(0, 2.0, std::nullopt), record(1, 1.0, std::nullopt)});
    EXPECT_EQ(s.bestTrainLoss, 1.0);
    EXPECT_FALSE(s.finalTestLoss);
    EXPECT_FALSE(s.bestTestLoss);
}

TEST(RunSummary, EmptyHistoryHasNothing) {
    const RunSummary s = summarize({});
    EXPECT_FALSE(s.finalTrainLoss);
    EXPECT_FALSE(s.finalTestLoss);
    EXPECT_FALSE(s.bestTrainLoss);
    EXPECT_FALSE(s.bestTestLoss);
}

TEST(SweepSummaryJson, OneObjectPerRunWithNullWhereNothingApplies) {
    SweepSummaryEntry done;
    done.optimizer = "adam";
    done.lr = 1e-3;
    done.summary = summarize({record(0, 0.1 + 0.2, 0.5), record(1, 0.25, 1.0 / 3.0)});
    SweepSummaryEntry diverged;
    diverged.optimizer = "sgd";
    diverged.lr = 10;
    diverged.status = FinishedStatus::Diverged;
    diverged.divergedAt = 0;
    EXPECT_EQ(sweepSummaryJsonText({done, diverged}),
              "[\n"
              "  {\"optimizer\": \"adam\", \"lr\": 0.001, \"final_train_loss\": 0.25, "
              "\"final_test_loss\": 0.3333333333333333, \"best_test_loss\": 0.3333333333333333, "
              "\"status\": \"done\", \"diverged_at\": null},\n"
              "  {\"optimizer\": \"sgd\", \"lr\": 10, \"final_train_loss\": null, "
              "\"final_test_loss\": null, \"best_test_loss\": null, \"status\": \"diverged\", "
              "\"diverged_at\": 0}\n"
              "]\n");
    EXPECT_EQ(sweepSummaryJsonText({}), "[]\n");
}

}  // namespace
}  // namespace lrscope::core
