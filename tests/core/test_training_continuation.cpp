// A run continued for more epochs from its resume state gives, bit for bit, what one longer run
// gives: the same records after the break and the same final weights, for every optimizer
// (their buffers and step counts carry over), with shuffling, a schedule and a live change of
// the rate before the break.
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "core/base/errors.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

RunConfig baseConfig(OptimizerKind kind) {
    RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 120;
    config.hiddenLayers = {6};
    config.optimizer = defaultsFor(kind);
    config.optimizer.lr = kind == OptimizerKind::Adadelta ? 1.0 : 0.05;
    config.optimizer.weightDecay = 1e-3;
    config.batchSize = 16;  // 96 training rows: a partial last batch
    config.schedule.kind = ScheduleKind::Step;
    config.schedule.stepSize = 4;
    config.schedule.gamma = 0.5;
    config.seed = 11;
    return config;
}

// Collects records and, at `changeAt`, sets the rate live (as the window's slider does).
struct Steering : TrainingObserver {
    RunControl* control = nullptr;
    int changeAt = 3;
    double changeTo = 0.02;
    int stopAfter = -1;
    std::vector<EpochRecord> records;
    void onEpoch(const EpochRecord& record) override {
        records.push_back(record);
        if (record.epoch == changeAt) {
            control->setLearningRate(changeTo);
        }
        if (record.epoch == stopAfter) {
            control->stop();
        }
    }
};

bool same(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

void expectSameRecord(const EpochRecord& a, const EpochRecord& b) {
    SCOPED_TRACE("epoch " + std::to_string(a.epoch));
    EXPECT_EQ(a.epoch, b.epoch);
    EXPECT_TRUE(same(a.trainLoss, b.trainLoss));
    EXPECT_TRUE(same(a.trainError, b.trainError));
    EXPECT_TRUE(same(a.testLoss, b.testLoss));
    EXPECT_TRUE(same(a.testError, b.testError));
    EXPECT_TRUE(same(a.lr, b.lr));
    EXPECT_TRUE(same(a.gradNorm, b.gradNorm));
    EXPECT_TRUE(same(a.updateRatio, b.updateRatio));
    EXPECT_TRUE(same(a.stepSize, b.stepSize));
}

RunResult trainSteered(const RunConfig& config, int stopAfter = -1,
                       const TrainingState* from = nullptr) {
    RunControl control;
    Steering steering;
    steering.control = &control;
    steering.stopAfter = stopAfter;
    return train(1, config, control, steering, from);
}

struct Case {
    const char* name;
    OptimizerKind kind;
    void (*adjust)(OptimizerSettings&);
};

class Continuation : public ::testing::TestWithParam<Case> {};

TEST_P(Continuation, EqualsOneLongerRunBitForBit) {
    RunConfig config = baseConfig(GetParam().kind);
    GetParam().adjust(config.optimizer);
    config.epochs = 12;
    const RunResult whole = trainSteered(config);
    ASSERT_EQ(whole.status, RunStatus::Completed);
    ASSERT_EQ(whole.history.size(), 13U);

    config.epochs = 5;
    const RunResult first = trainSteered(config);
    ASSERT_TRUE(first.resumeState.has_value());
    EXPECT_EQ(first.resumeState->epoch, 5);

    config.epochs = 12;
    const RunResult rest = trainSteered(config, -1, &*first.resumeState);
    ASSERT_EQ(rest.status, RunStatus::Completed);
    ASSERT_EQ(rest.history.size(), 7U);  // epochs 6..12, no second epoch 0
    for (size_t i = 0; i < rest.history.size(); ++i) {
        expectSameRecord(rest.history[i], whole.history[i + 6]);
    }
    ASSERT_EQ(rest.finalWeights.layers.size(), whole.finalWeights.layers.size());
    for (size_t l = 0; l < rest.finalWeights.layers.size(); ++l) {
        EXPECT_EQ(rest.finalWeights.layers[l].weight, whole.finalWeights.layers[l].weight);
        EXPECT_EQ(rest.finalWeights.layers[l].bias, whole.finalWeights.layers[l].bias);
    }
    EXPECT_EQ(rest.resumeState->epoch, 12);
    EXPECT_EQ(rest.resumeState->optimizer.steps, whole.resumeState->optimizer.steps);
}

INSTANTIATE_TEST_SUITE_P(
    EveryOptimizer, Continuation,
    ::testing::Values(
        Case{"sgd", OptimizerKind::Sgd, [](OptimizerSettings&) {}},
        Case{"momentum", OptimizerKind::Momentum, [](OptimizerSettings& s) { s.dampening = 0.1; }},
        Case{"nesterov", OptimizerKind::Nesterov, [](OptimizerSettings&) {}},
        Case{"adagrad", OptimizerKind::Adagrad, [](OptimizerSettings& s) { s.lrDecay = 0.01; }},
        Case{"adadelta", OptimizerKind::Adadelta, [](OptimizerSettings&) {}},
        Case{"rmsprop", OptimizerKind::RmsProp,
             [](OptimizerSettings& s) {
                 s.centered = true;
                 s.momentum = 0.5;
             }},
        Case{"adam", OptimizerKind::Adam, [](OptimizerSettings& s) { s.amsgrad = true; }},
        Case{"adamw", OptimizerKind::AdamW, [](OptimizerSettings&) {}}),
    [](const ::testing::TestParamInfo<Case>& param) { return std::string(param.param.name); });

TEST(Continuation, AStoppedRunGoesOnFromItsLastRecord) {
    RunConfig config = baseConfig(OptimizerKind::Adam);
    config.epochs = 10;
    const RunResult whole = trainSteered(config);
    const RunResult stopped = trainSteered(config, 4);
    ASSERT_EQ(stopped.status, RunStatus::Stopped);
    ASSERT_EQ(stopped.history.back().epoch, 4);
    ASSERT_EQ(stopped.resumeState->epoch, 4);
    const RunResult rest = trainSteered(config, -1, &*stopped.resumeState);
    ASSERT_EQ(rest.history.size(), 6U);
    for (size_t i = 0; i < rest.history.size(); ++i) {
        expectSameRecord(rest.history[i], whole.history[i + 5]);
    }
}

TEST(Continuation, AStateThatDoesNotFitIsRejected) {
    RunConfig config = baseConfig(OptimizerKind::Adam);
    config.epochs = 4;
    const RunResult first = trainSteered(config);
    TrainingState state = *first.resumeState;
    // No more epochs than already trained.
    EXPECT_THROW(trainSteered(config, -1, &state), InputError);
    config.epochs = 8;
    TrainingState shorter = state;
    shorter.parameters.conservativeResize(3);
    EXPECT_THROW(trainSteered(config, -1, &shorter), InputError);
    TrainingState noMoments = state;
    noMoments.optimizer.buffers.clear();
    try {
        trainSteered(config, -1, &noMoments);
        FAIL() << "a state without Adam's moments was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("exp_avg"), std::string::npos) << e.what();
    }
}

TEST(Continuation, ADivergedRunHasNoStateToContinueFrom) {
    RunConfig config = baseConfig(OptimizerKind::Sgd);
    config.loss = LossKind::Mse;
    config.activation = Activation::Relu;
    config.optimizer.weightDecay = 0.0;
    config.optimizer.lr = 100.0;
    config.schedule = LrSchedule{};
    config.epochs = 200;
    const RunResult result = trainSteered(config);
    ASSERT_EQ(result.status, RunStatus::Diverged);
    EXPECT_FALSE(result.resumeState.has_value());
}

}  // namespace
}  // namespace lrscope::core
