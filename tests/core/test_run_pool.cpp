#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/training/run_control.hpp"
#include "core/training/run_pool.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

RunConfig configWithLr(double lr, OptimizerKind kind) {
    RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 120;
    config.hiddenLayers = {8, 8};
    config.epochs = 25;
    config.optimizer = defaultsFor(kind);
    config.optimizer.lr = lr;
    return config;
}

std::vector<RunResult> trainAll(const std::vector<RunConfig>& configs, unsigned threads) {
    std::vector<RunResult> results(configs.size());
    RunPool pool(threads);
    for (size_t i = 0; i < configs.size(); ++i) {
        pool.submit([&, i] {
            RunControl control;
            TrainingObserver silent;
            results[i] = train(i, configs[i], control, silent);
        });
    }
    pool.waitIdle();
    return results;
}

TEST(RunPool, RunsAreBitIdenticalWhateverTheThreadCountOrNeighbours) {
    std::vector<RunConfig> configs;
    for (const auto kind : {OptimizerKind::Sgd, OptimizerKind::Adam, OptimizerKind::RmsProp}) {
        for (const double lr : {0.001, 0.03, 0.3}) {
            configs.push_back(configWithLr(lr, kind));
        }
    }
    const auto one = trainAll(configs, 1);
    const auto two = trainAll(configs, 2);
    const auto four = trainAll(configs, 4);
    for (size_t i = 0; i < configs.size(); ++i) {
        const auto alone = trainAll({configs[i]}, 1).front();
        ASSERT_EQ(one[i].history.size(), alone.history.size());
        for (size_t e = 0; e < alone.history.size(); ++e) {
            EXPECT_EQ(one[i].history[e].trainLoss, alone.history[e].trainLoss);
            EXPECT_EQ(two[i].history[e].trainLoss, alone.history[e].trainLoss);
            EXPECT_EQ(four[i].history[e].trainLoss, alone.history[e].trainLoss);
            EXPECT_EQ(four[i].history[e].testLoss, alone.history[e].testLoss);
        }
    }
}

TEST(RunPool, QueuesJobsBeyondItsThreads) {
    RunPool pool(1);
    std::atomic<bool> release{false};
    std::atomic<int> done{0};
    for (int i = 0; i < 3; ++i) {
        pool.submit([&] {
            while (!release) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            ++done;
        });
    }
    while (pool.runningCount() == 0) {
        std::this_thread::yield();
    }
    EXPECT_EQ(pool.runningCount(), 1u);
    EXPECT_EQ(pool.queuedCount(), 2u);
    release = true;
    pool.waitIdle();
    EXPECT_EQ(done, 3);
}

TEST(RunPool, DestructionDropsQueuedJobsAndJoins) {
    std::atomic<int> started{0};
    {
        RunPool pool(1);
        std::atomic<bool> release{false};
        pool.submit([&] {
            ++started;
            while (!release) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        pool.submit([&] { ++started; });
        while (started == 0) {
            std::this_thread::yield();
        }
        release = true;
    }
    EXPECT_LE(started, 2);
}

}  // namespace
}  // namespace lrscope::core
