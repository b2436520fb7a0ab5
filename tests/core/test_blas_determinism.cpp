#include <gtest/gtest.h>

#include <vector>

#include "core/nn/blas_backend.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_pool.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

// Wide layers and large batches: every product of a batch (64 x 64 x 64 multiply-adds and
// more) goes to the BLAS kernel chosen for this machine, not to Eigen's small-product path.
RunConfig wideConfig(OptimizerKind kind, double lr) {
    RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 400;
    config.hiddenLayers = {64, 64};
    config.batchSize = 64;
    config.epochs = 8;
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

TEST(BlasDeterminism, RunsOnTheBlasPathAreBitIdenticalWhateverTheThreadCount) {
    ASSERT_NE(BlasBackend::instance().dgemm(), nullptr) << blasDescription();
    const std::vector<RunConfig> configs = {wideConfig(OptimizerKind::Sgd, 0.05),
                                            wideConfig(OptimizerKind::Adam, 1e-3),
                                            wideConfig(OptimizerKind::Momentum, 0.01)};
    const auto one = trainAll(configs, 1);
    const auto two = trainAll(configs, 2);
    for (size_t i = 0; i < configs.size(); ++i) {
        const auto alone = trainAll({configs[i]}, 1).front();
        ASSERT_EQ(alone.history.size(), 9U);
        ASSERT_EQ(one[i].history.size(), alone.history.size());
        ASSERT_EQ(two[i].history.size(), alone.history.size());
        for (size_t e = 0; e < alone.history.size(); ++e) {
            EXPECT_EQ(one[i].history[e].trainLoss, alone.history[e].trainLoss);
            EXPECT_EQ(two[i].history[e].trainLoss, alone.history[e].trainLoss);
            EXPECT_EQ(two[i].history[e].testLoss, alone.history[e].testLoss);
            EXPECT_EQ(two[i].history[e].gradNorm, alone.history[e].gradNorm);
        }
    }
}

}  // namespace
}  // namespace lrscope::core
