// The learning-rate range test: rates, batches, smoothing, stopping, control, validation.
// Per-iteration agreement with PyTorch is checked end to end (tests/e2e/test_cli_lr_find.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/analysis/range_test.hpp"
#include "core/base/errors.hpp"
#include "core/nn/loss.hpp"
#include "core/training/batch_sequence.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_start.hpp"

namespace lrscope::core {
namespace {

RunConfig moonsConfig() {
    RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 90;  // 72 training rows: batches of 10, the eighth one partial
    config.hiddenLayers = {6};
    config.batchSize = 10;
    config.seed = 4;
    config.optimizer = defaultsFor(OptimizerKind::Sgd);
    return config;
}

TEST(RangeTest, RatesGrowExponentiallyFromTheStartRate) {
    RangeTestSettings settings;
    settings.startLr = 1e-3;
    settings.endLr = 10.0;
    settings.iterations = 4;
    // lr_i = 1e-3 * (1e4)^(i / 4): 1e-3, 1e-2, 1e-1, 1; the end rate itself is not reached.
    const double expected[] = {1e-3, 1e-2, 1e-1, 1.0};
    for (int i = 0; i < 4; ++i) {
        EXPECT_NEAR(rangeTestRate(settings, i), expected[i], 1e-15 * expected[i]) << i;
    }
}

// With rates so small that no step moves a weight, loss_i is the loss of batch i at the
// initial weights. Those batches are BatchSequence's, shuffled as train() shuffles them
// (test_batch_sequence.cpp shows train() steps on exactly BatchSequence's batches).
TEST(RangeTest, IterationIReadsTheIthBatchOfTrainsShuffledSequence) {
    const RunConfig config = moonsConfig();
    const DataSplit data = prepareData(config.data, config.seed);
    RangeTestSettings settings;
    settings.startLr = 1e-300;
    settings.endLr = 2e-300;
    settings.iterations = 20;  // two and a half epochs of 8 batches
    settings.stopFactor = 0.0;
    RunControl control;
    const RangeTestResult result = rangeTest(config, data, settings, control);
    ASSERT_EQ(result.points.size(), 20u);
    EXPECT_EQ(result.stop, RangeTestStop::Completed);

    const Network network = initialNetwork(config, data.train);
    BatchSequence batches(config, data.train);
    ForwardCache cache;
    Matrix outputGradient;
    bool differsFromFileOrder = false;
    for (int i = 0; i < 20; ++i) {
        if (!batches.hasNext()) {
            batches.beginEpoch();
        }
        const BatchView batch = batches.next();
        const double loss = lossAndGradient(config.loss, network.forward(*batch.features, cache),
                                            batch.targets, outputGradient);
        EXPECT_EQ(result.points[static_cast<size_t>(i)].loss, loss) << "iteration " << i;
        EXPECT_EQ(result.points[static_cast<size_t>(i)].iteration, i);
    }
    RunConfig inOrder = config;
    inOrder.shuffle = false;
    const RangeTestResult unshuffled = rangeTest(inOrder, data, settings, control);
    for (size_t i = 0; i < 20; ++i) {
        differsFromFileOrder |= unshuffled.points[i].loss != result.points[i].loss;
    }
    EXPECT_TRUE(differsFromFileOrder) << "shuffling must change which rows a batch holds";
    // Without shuffling, iteration 8 wraps around to the first batch of the file again.
    EXPECT_EQ(unshuffled.points[8].loss, unshuffled.points[0].loss);
}

TEST(RangeTest, SmoothedLossIsTheDebiasedRunningMean) {
    const RunConfig config = moonsConfig();
    const DataSplit data = prepareData(config.data, config.seed);
    RangeTestSettings settings;
    settings.startLr = 1e-3;
    settings.endLr = 1.0;
    settings.iterations = 30;
    settings.smoothing = 0.9;
    settings.stopFactor = 0.0;
    RunControl control;
    const RangeTestResult result = rangeTest(config, data, settings, control);
    ASSERT_EQ(result.points.size(), 30u);
    // smoothed_0 = (0.1 * loss_0) / (1 - 0.9) = loss_0; then the definition step by step.
    EXPECT_NEAR(result.points[0].smoothedLoss, result.points[0].loss, 1e-15);
    double average = 0.0;
    for (size_t i = 0; i < result.points.size(); ++i) {
        average = 0.9 * average + 0.1 * result.points[i].loss;
        const double expected = average / (1.0 - std::pow(0.9, static_cast<double>(i + 1)));
        EXPECT_NEAR(result.points[i].smoothedLoss, expected, 1e-14 * expected) << i;
    }
    settings.smoothing = 0.0;  // no smoothing: the raw losses
    const RangeTestResult raw = rangeTest(config, data, settings, control);
    for (const RangeTestPoint& point : raw.points) {
        EXPECT_EQ(point.smoothedLoss, point.loss);
    }
}

TEST(RangeTest, StopsRightAfterTheFirstSmoothedLossAboveTheFactorTimesTheMinimum) {
    const RunConfig config = moonsConfig();
    const DataSplit data = prepareData(config.data, config.seed);
    RangeTestSettings settings;
    settings.startLr = 1e-2;
    settings.endLr = 1e5;
    settings.iterations = 200;
    settings.smoothing = 0.5;
    settings.stopFactor = 2.0;
    RunControl control;
    const RangeTestResult result = rangeTest(config, data, settings, control);
    ASSERT_EQ(result.stop, RangeTestStop::Diverged);
    ASSERT_GE(result.points.size(), 2u);
    ASSERT_LT(result.points.size(), 200u);
    double lowest = result.points.front().smoothedLoss;
    for (size_t i = 0; i < result.points.size(); ++i) {
        lowest = std::min(lowest, result.points[i].smoothedLoss);
        const bool above = result.points[i].smoothedLoss > 2.0 * lowest;
        EXPECT_EQ(above, i + 1 == result.points.size()) << "iteration " << i;
    }
    settings.stopFactor = 0.0;  // never: it runs on until the loss is no longer finite
    const RangeTestResult onward = rangeTest(config, data, settings, control);
    EXPECT_GT(onward.points.size(), result.points.size());
    for (const RangeTestPoint& point : onward.points) {
        EXPECT_TRUE(std::isfinite(point.loss));
    }
    if (onward.points.size() < 200u) {
        EXPECT_EQ(onward.stop, RangeTestStop::NonFinite);
    }
}

TEST(RangeTest, TheObserverSeesEveryRecordedPointAndRunControlStopsIt) {
    const RunConfig config = moonsConfig();
    const DataSplit data = prepareData(config.data, config.seed);
    RangeTestSettings settings;
    settings.iterations = 50;
    RunControl control;
    std::vector<RangeTestPoint> seen;
    const RangeTestResult result =
        rangeTest(config, data, settings, control, [&](const RangeTestPoint& point) {
            seen.push_back(point);
            if (point.iteration == 5) {
                control.stop();
            }
        });
    EXPECT_EQ(result.stop, RangeTestStop::Stopped);
    ASSERT_EQ(result.points.size(), 6u);
    ASSERT_EQ(seen.size(), 6u);
    for (size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].iteration, result.points[i].iteration);
        EXPECT_EQ(seen[i].loss, result.points[i].loss);
    }
    EXPECT_EQ(stopName(result.stop), "stopped");
}

TEST(RangeTest, BadSettingsAreRejectedByName) {
    struct Case {
        RangeTestSettings settings;
        const char* key;
    };
    const auto with = [](auto change) {
        RangeTestSettings s;
        change(s);
        return s;
    };
    const Case cases[] = {
        {with([](RangeTestSettings& s) { s.startLr = 0.0; }), "start-lr"},
        {with([](RangeTestSettings& s) { s.startLr = -1.0; }), "start-lr"},
        {with([](RangeTestSettings& s) { s.startLr = NAN; }), "start-lr"},
        {with([](RangeTestSettings& s) { s.endLr = 1e-7; }), "end-lr"},
        {with([](RangeTestSettings& s) { s.endLr = INFINITY; }), "end-lr"},
        {with([](RangeTestSettings& s) { s.iterations = 0; }), "iterations"},
        {with([](RangeTestSettings& s) { s.smoothing = 1.0; }), "smoothing"},
        {with([](RangeTestSettings& s) { s.smoothing = -0.1; }), "smoothing"},
        {with([](RangeTestSettings& s) { s.stopFactor = -1.0; }), "stop-factor"},
    };
    for (const Case& c : cases) {
        try {
            validate(c.settings);
            ADD_FAILURE() << "accepted a bad " << c.key;
        } catch (const InputError& e) {
            EXPECT_EQ(e.key(), c.key) << e.what();
        }
    }
    EXPECT_NO_THROW(validate(RangeTestSettings{}));
}

}  // namespace
}  // namespace lrscope::core
