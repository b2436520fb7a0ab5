// The mini-batches of a run: order, sizes, shuffling, and that train() takes exactly these.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/nn/loss.hpp"
#include "core/nn/network_weights.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/batch_sequence.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_start.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::core {
namespace {

// Samples whose only feature is their row number, so a batch names its rows.
Dataset numberedRows(int rows) {
    Dataset data;
    data.task = Task::Classify;
    data.classNames = {"even", "odd"};
    data.features.resize(1, rows);
    for (int i = 0; i < rows; ++i) {
        data.features(0, i) = i;
        data.labels.push_back(i % 2);
    }
    return data;
}

std::vector<int> rowsOf(const BatchView& batch) {
    std::vector<int> rows;
    for (Eigen::Index c = 0; c < batch.features->cols(); ++c) {
        rows.push_back(static_cast<int>((*batch.features)(0, c)));
        EXPECT_EQ(batch.targets.labels[c], rows.back() % 2) << "labels follow their rows";
    }
    return rows;
}

std::vector<std::vector<int>> epochOf(BatchSequence& sequence) {
    std::vector<std::vector<int>> batches;
    sequence.beginEpoch();
    while (sequence.hasNext()) {
        const BatchView batch = sequence.next();
        batches.push_back(rowsOf(batch));
        EXPECT_EQ(batch.lastOfEpoch, !sequence.hasNext());
    }
    return batches;
}

RunConfig configWith(long batchSize, bool shuffle, std::uint64_t seed = 1) {
    RunConfig config;
    config.batchSize = batchSize;
    config.shuffle = shuffle;
    config.seed = seed;
    return config;
}

TEST(BatchSequence, WithoutShufflingBatchesFollowFileOrderAndTheLastIsPartial) {
    const Dataset data = numberedRows(7);
    BatchSequence sequence(configWith(3, false), data);
    EXPECT_EQ(sequence.batchesPerEpoch(), 3u);
    const std::vector<std::vector<int>> expected = {{0, 1, 2}, {3, 4, 5}, {6}};
    EXPECT_EQ(epochOf(sequence), expected);
    EXPECT_EQ(epochOf(sequence), expected) << "every epoch the same";
}

TEST(BatchSequence, BatchSizeZeroOrLargerThanTheSplitIsOneWholeBatch) {
    const Dataset data = numberedRows(5);
    for (const long size : {0L, 5L, 50L}) {
        BatchSequence sequence(configWith(size, false), data);
        EXPECT_EQ(sequence.batchesPerEpoch(), 1u);
        sequence.beginEpoch();
        const BatchView batch = sequence.next();
        EXPECT_EQ(batch.features, &data.features) << "nothing to gather: the split itself";
        EXPECT_TRUE(batch.lastOfEpoch);
        EXPECT_FALSE(sequence.hasNext());
    }
}

TEST(BatchSequence, ShufflingVisitsEveryRowOncePerEpochInANewOrderEachEpoch) {
    const Dataset data = numberedRows(20);
    BatchSequence sequence(configWith(6, true, 9), data);
    std::vector<std::vector<int>> orders;
    for (int epoch = 0; epoch < 3; ++epoch) {
        const auto batches = epochOf(sequence);
        ASSERT_EQ(batches.size(), 4u);
        EXPECT_EQ(batches.back().size(), 2u);
        std::vector<int> order;
        for (const auto& batch : batches) {
            order.insert(order.end(), batch.begin(), batch.end());
        }
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i < 20; ++i) {
            EXPECT_EQ(sorted[static_cast<size_t>(i)], i);
        }
        orders.push_back(order);
    }
    EXPECT_NE(orders[0], orders[1]);
    EXPECT_NE(orders[1], orders[2]);

    BatchSequence again(configWith(6, true, 9), data);
    for (const auto& order : orders) {
        std::vector<int> replay;
        for (const auto& batch : epochOf(again)) {
            replay.insert(replay.end(), batch.begin(), batch.end());
        }
        EXPECT_EQ(replay, order) << "the same seed gives the same orders";
    }
    BatchSequence otherSeed(configWith(6, true, 10), data);
    std::vector<int> other;
    for (const auto& batch : epochOf(otherSeed)) {
        other.insert(other.end(), batch.begin(), batch.end());
    }
    EXPECT_NE(other, orders[0]);
}

// A plain SGD loop over BatchSequence's batches ends at train()'s final weights bit for bit:
// train() steps on exactly these batches in exactly this order.
TEST(BatchSequence, TrainStepsOnTheseBatchesInThisOrder) {
    RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 70;
    config.hiddenLayers = {5};
    config.batchSize = 16;  // 56 training rows: three full batches and a partial one
    config.shuffle = true;
    config.epochs = 4;
    config.seed = 5;
    config.optimizer = defaultsFor(OptimizerKind::Sgd);
    config.optimizer.lr = 0.3;
    const DataSplit data = prepareData(config.data, config.seed);

    RunControl control;
    TrainingObserver silent;
    const RunResult trained = train(1, config, data, control, silent);

    Network network = initialNetwork(config, data.train);
    BatchSequence batches(config, data.train);
    auto rule = makeUpdateRule(config.optimizer, network.parameterCount());
    ForwardCache cache;
    Matrix outputGradient;
    Vector gradient;
    for (int epoch = 1; epoch <= config.epochs; ++epoch) {
        batches.beginEpoch();
        while (batches.hasNext()) {
            const BatchView batch = batches.next();
            lossAndGradient(config.loss, network.forward(*batch.features, cache), batch.targets,
                            outputGradient);
            network.backward(*batch.features, cache, outputGradient, gradient);
            rule->step(network.parameters(), gradient, config.optimizer.lr);
        }
    }
    const NetworkWeights byHand = weightsOf(network);
    ASSERT_EQ(byHand.layers.size(), trained.finalWeights.layers.size());
    for (size_t l = 0; l < byHand.layers.size(); ++l) {
        EXPECT_EQ(byHand.layers[l].weight, trained.finalWeights.layers[l].weight);
        EXPECT_EQ(byHand.layers[l].bias, trained.finalWeights.layers[l].bias);
    }
}

}  // namespace
}  // namespace lrscope::core
