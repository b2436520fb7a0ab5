#include <gtest/gtest.h>

#include <cmath>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

class Recorder : public TrainingObserver {
public:
    void onEpoch(const EpochRecord& record) override { records.push_back(record); }
    void onFinished(const RunResult& result) override {
        finished = true;
        status = result.status;
    }
    std::vector<EpochRecord> records;
    bool finished = false;
    RunStatus status = RunStatus::Completed;
};

RunConfig smallConfig() {
    RunConfig config;
    config.data.dataset = "xor";
    config.data.samples = 80;
    config.hiddenLayers = {6};
    config.epochs = 12;
    config.batchSize = 8;
    config.optimizer = defaultsFor(OptimizerKind::Sgd);
    config.optimizer.lr = 0.1;
    config.seed = 3;
    return config;
}

RunResult trainQuietly(const RunConfig& config) {
    RunControl control;
    Recorder recorder;
    return train(7, config, control, recorder);
}

TEST(Trainer, EmitsEpochZeroThenOneRecordPerEpochWithTheRunId) {
    const RunConfig config = smallConfig();
    RunControl control;
    Recorder recorder;
    const RunResult result = train(7, config, control, recorder);
    ASSERT_EQ(recorder.records.size(), 13u);
    EXPECT_TRUE(recorder.finished);
    EXPECT_EQ(result.status, RunStatus::Completed);
    for (size_t i = 0; i < recorder.records.size(); ++i) {
        const auto& record = recorder.records[i];
        EXPECT_EQ(record.epoch, static_cast<int>(i));
        EXPECT_EQ(record.runId, 7u);
        EXPECT_TRUE(record.trainError.has_value());
        EXPECT_TRUE(record.testLoss.has_value());
        EXPECT_DOUBLE_EQ(record.lr, 0.1);
    }
    // Epoch 0 is before any update: no step statistics yet.
    EXPECT_FALSE(recorder.records[0].gradNorm.has_value());
    EXPECT_FALSE(recorder.records[0].updateRatio.has_value());
    EXPECT_TRUE(recorder.records[1].gradNorm.has_value());
    // Plain SGD moves each parameter by exactly lr * gradient.
    EXPECT_NEAR(*recorder.records[1].stepSize, 0.1, 1e-9);
    EXPECT_EQ(result.history.size(), recorder.records.size());
}

TEST(Trainer, SameConfigGivesBitIdenticalHistories) {
    const auto a = trainQuietly(smallConfig());
    const auto b = trainQuietly(smallConfig());
    ASSERT_EQ(a.history.size(), b.history.size());
    for (size_t i = 0; i < a.history.size(); ++i) {
        EXPECT_EQ(a.history[i].trainLoss, b.history[i].trainLoss);
        EXPECT_EQ(a.history[i].testLoss, b.history[i].testLoss);
    }
    RunConfig other = smallConfig();
    other.seed = 4;
    EXPECT_NE(trainQuietly(other).history.back().trainLoss, a.history.back().trainLoss);
}

TEST(Trainer, LearnsXorWithAdam) {
    RunConfig config = smallConfig();
    config.data.samples = 200;
    config.data.noise = 0.0;
    config.hiddenLayers = {8, 8};
    config.optimizer = defaultsFor(OptimizerKind::Adam);
    config.optimizer.lr = 0.01;
    config.epochs = 150;
    const auto result = trainQuietly(config);
    EXPECT_LT(result.history.back().trainLoss, 0.5 * result.history.front().trainLoss);
    EXPECT_LT(*result.history.back().trainError, 0.1);
}

TEST(Trainer, ScheduleSetsTheRateOfEachEpoch) {
    RunConfig config = smallConfig();
    config.schedule = parseSchedule("step:4:0.5");
    const auto result = trainQuietly(config);
    EXPECT_DOUBLE_EQ(result.history[4].lr, 0.1);
    EXPECT_DOUBLE_EQ(result.history[5].lr, 0.05);
    EXPECT_DOUBLE_EQ(result.history[9].lr, 0.025);
}

TEST(Trainer, DivergenceStopsTheRunAndKeepsTheFiniteHistory) {
    RunConfig config = smallConfig();
    config.loss = LossKind::Mse;
    config.activation = Activation::Relu;
    config.optimizer.lr = 100.0;
    config.epochs = 200;
    RunControl control;
    Recorder recorder;
    const auto result = train(1, config, control, recorder);
    EXPECT_EQ(result.status, RunStatus::Diverged);
    ASSERT_TRUE(result.divergedAt.has_value());
    EXPECT_EQ(static_cast<size_t>(*result.divergedAt), result.history.size());
    for (const auto& record : result.history) {
        EXPECT_TRUE(std::isfinite(record.trainLoss));
    }
    for (const auto& layer : result.finalWeights.layers) {
        EXPECT_TRUE(layer.weight.allFinite());
    }
    EXPECT_EQ(recorder.status, RunStatus::Diverged);
}

TEST(Trainer, StopBeforeStartEndsAfterEpochZero) {
    RunControl control;
    control.stop();
    Recorder recorder;
    const auto result = train(1, smallConfig(), control, recorder);
    EXPECT_EQ(result.status, RunStatus::Stopped);
    EXPECT_EQ(result.history.size(), 1u);
}

TEST(Trainer, CrossEntropyOnRegressionDataIsAnInputError) {
    RunConfig config = smallConfig();
    config.data.dataset = "sine";
    config.loss = LossKind::CrossEntropy;
    EXPECT_THROW(trainQuietly(config), InputError);
}

TEST(Trainer, InitialWeightsOfTheWrongShapeAreAnInputError) {
    RunConfig config = smallConfig();
    NetworkWeights weights;
    weights.layers.push_back({Matrix::Zero(3, 2), Vector::Zero(3)});
    weights.layers.push_back({Matrix::Zero(2, 3), Vector::Zero(2)});
    config.initialWeights = weights;  // the config asks for one hidden layer of 6
    EXPECT_THROW(trainQuietly(config), InputError);
}

TEST(Trainer, RegressionHasNoErrorRate) {
    RunConfig config = smallConfig();
    config.data.dataset = "sine";
    config.loss = LossKind::Mse;
    const auto result = trainQuietly(config);
    EXPECT_FALSE(result.history.back().trainError.has_value());
    EXPECT_LT(result.history.back().trainLoss, result.history.front().trainLoss);
}

}  // namespace
}  // namespace lrscope::core

namespace lrscope::core {
namespace {

// An observer that streams the records itself and asks the run not to keep a copy.
class Streamer : public Recorder {
public:
    bool wantsHistory() const override { return false; }
};

TEST(Trainer, AnObserverThatStreamsGetsEveryRecordAndTheResultKeepsNoCopy) {
    const RunConfig config = smallConfig();
    RunControl control;
    Streamer streamer;
    const RunResult streamed = train(7, config, control, streamer);
    EXPECT_TRUE(streamed.history.empty());
    ASSERT_EQ(streamer.records.size(), 13u);

    const RunResult kept = trainQuietly(config);
    ASSERT_EQ(kept.history.size(), streamer.records.size());
    for (size_t i = 0; i < kept.history.size(); ++i) {
        EXPECT_EQ(streamer.records[i].trainLoss, kept.history[i].trainLoss);
    }
    EXPECT_EQ(streamed.finalWeights.layers.back().bias, kept.finalWeights.layers.back().bias);
}

TEST(Trainer, PerBatchWarmupScalesTheFirstBatchesOnly) {
    // 64 training rows in batches of 8: 8 batches per epoch. A warm-up of 12 batches runs
    // through epoch 1 and half of epoch 2; the record's rate is the last batch's.
    RunConfig config = smallConfig();
    config.epochs = 3;
    config.schedule.warmupBatches = 12;
    const RunResult warm = trainQuietly(config);
    ASSERT_EQ(warm.history.size(), 4u);
    EXPECT_DOUBLE_EQ(warm.history[1].lr, 0.1 * 8.0 / 12.0);
    EXPECT_EQ(warm.history[2].lr, 0.1);
    EXPECT_EQ(warm.history[3].lr, 0.1);
    const RunResult cold = trainQuietly(smallConfig());
    EXPECT_NE(warm.history[3].trainLoss, cold.history[3].trainLoss);
}

}  // namespace
}  // namespace lrscope::core
