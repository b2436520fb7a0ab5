// Live control from another thread: pause, step, resume, stop and a learning-rate change.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

using namespace std::chrono_literals;

// Collects records and lets the test wait for a given epoch.
class EpochWatcher : public TrainingObserver {
public:
    void onEpoch(const EpochRecord& record) override {
        std::lock_guard lock(mutex_);
        records_.push_back(record);
        changed_.notify_all();
    }
    void onFinished(const RunResult&) override {
        std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }
    bool waitForEpoch(int epoch) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 10s, [&] {
            return finished_ || (!records_.empty() && records_.back().epoch >= epoch);
        });
    }
    std::vector<EpochRecord> records() {
        std::lock_guard lock(mutex_);
        return records_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<EpochRecord> records_;
    bool finished_ = false;
};

RunConfig longConfig() {
    RunConfig config;
    config.data.dataset = "circles";
    config.data.samples = 100;
    config.hiddenLayers = {4};
    config.epochs = 100000;
    config.batchSize = 10;
    config.optimizer.lr = 0.05;
    return config;
}

TEST(RunControl, PauseHoldsTheRunAndStepAdvancesExactlyOneEpoch) {
    RunControl control;
    EpochWatcher watcher;
    control.pause();
    RunResult result;
    std::thread worker([&] { result = train(1, longConfig(), control, watcher); });
    ASSERT_TRUE(watcher.waitForEpoch(0));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(watcher.records().size(), 1u) << "a paused run must not train";

    control.stepEpoch();
    ASSERT_TRUE(watcher.waitForEpoch(1));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(watcher.records().size(), 2u) << "one step is one epoch";
    EXPECT_TRUE(control.isPaused());

    control.resume();
    ASSERT_TRUE(watcher.waitForEpoch(20));
    control.stop();
    worker.join();
    EXPECT_EQ(result.status, RunStatus::Stopped);
    EXPECT_GE(result.history.size(), 21u);
}

TEST(RunControl, LearningRateChangeIsRecordedInTheEpochItHappens) {
    RunControl control;
    EpochWatcher watcher;
    control.pause();
    RunResult result;
    std::thread worker([&] { result = train(1, longConfig(), control, watcher); });
    control.stepEpoch();
    ASSERT_TRUE(watcher.waitForEpoch(1));
    control.setLearningRate(0.5);
    control.stepEpoch();
    ASSERT_TRUE(watcher.waitForEpoch(2));
    control.stop();
    worker.join();
    const auto records = watcher.records();
    ASSERT_GE(records.size(), 3u);
    EXPECT_DOUBLE_EQ(records[1].lr, 0.05);
    EXPECT_FALSE(records[1].lrChangedTo.has_value());
    EXPECT_DOUBLE_EQ(records[2].lr, 0.5);
    ASSERT_TRUE(records[2].lrChangedTo.has_value());
    EXPECT_DOUBLE_EQ(*records[2].lrChangedTo, 0.5);
}

TEST(RunControl, StopWakesAPausedRun) {
    RunControl control;
    EpochWatcher watcher;
    control.pause();
    std::thread worker([&] { train(1, longConfig(), control, watcher); });
    ASSERT_TRUE(watcher.waitForEpoch(0));
    control.stop();
    worker.join();  // would hang if stop did not wake the trainer
    EXPECT_TRUE(control.stopRequested());
}

TEST(RunControl, PaceLimitsEpochsPerSecond) {
    RunControl control;
    control.setMaxEpochsPerSecond(50.0);
    EpochWatcher watcher;
    std::thread worker([&] { train(1, longConfig(), control, watcher); });
    std::this_thread::sleep_for(300ms);
    control.stop();
    worker.join();
    // 0.3 s at 50 epochs/s is about 15 epochs; unpaced, this network does thousands.
    EXPECT_LE(watcher.records().size(), 25u);
    EXPECT_GE(watcher.records().size(), 3u);
}

}  // namespace
}  // namespace lrscope::core
