#include "core/training/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/random.hpp"
#include "core/nn/initializer.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"
#include "core/training/run_control.hpp"

namespace lrscope::core {

namespace {

// Distinct streams from one seed: initial weights and per-epoch shuffling.
constexpr std::uint64_t kShuffleStream = 0x9E3779B97F4A7C15ULL;
// Whole-split evaluation runs in column blocks of this size to stay cache friendly.
constexpr Eigen::Index kEvaluationBlock = 512;

// Forward buffers for evaluating one split: whole blocks and the last, shorter block each
// keep their own shape, so no epoch reallocates (and page-faults) them.
struct EvaluationCaches {
    ForwardCache block;
    ForwardCache tail;
};

struct SplitScore {
    double loss = 0.0;
    std::optional<double> error;
};

// Loss and error of the network over a whole split, with the current weights.
SplitScore evaluate(const Network& network, LossKind loss, const Dataset& data,
                    EvaluationCaches& caches) {
    SplitScore score;
    const Eigen::Index n = data.sampleCount();
    if (n == 0) {
        return score;
    }
    const bool classify = data.task == Task::Classify;
    double lossSum = 0.0;
    long wrong = 0;
    Matrix targetBlock;
    for (Eigen::Index start = 0; start < n; start += kEvaluationBlock) {
        const Eigen::Index count = std::min(kEvaluationBlock, n - start);
        ForwardCache& cache = count == kEvaluationBlock ? caches.block : caches.tail;
        const Matrix& outputs = network.forward(data.features.middleCols(start, count), cache);
        TargetsView targets;
        if (classify) {
            targets.labels = data.labels.data() + start;
            wrong += countMisclassified(outputs, targets.labels);
        } else {
            targetBlock = data.targets.middleCols(start, count);
            targets.values = &targetBlock;
        }
        lossSum += computeLoss(loss, outputs, targets) * static_cast<double>(count);
    }
    score.loss = lossSum / static_cast<double>(n);
    if (classify) {
        score.error = static_cast<double>(wrong) / static_cast<double>(n);
    }
    return score;
}

// One mini-batch gathered into contiguous storage.
struct Batch {
    Matrix features;
    std::vector<int> labels;
    Matrix targets;
};

void gatherBatch(const Dataset& data, const std::vector<Eigen::Index>& order, size_t begin,
                 size_t end, Batch& batch) {
    const auto count = static_cast<Eigen::Index>(end - begin);
    batch.features.resize(data.features.rows(), count);
    const bool classify = data.task == Task::Classify;
    if (classify) {
        batch.labels.resize(end - begin);
    } else {
        batch.targets.resize(data.targets.rows(), count);
    }
    for (size_t i = begin; i < end; ++i) {
        const auto column = static_cast<Eigen::Index>(i - begin);
        const Eigen::Index sample = order[i];
        batch.features.col(column) = data.features.col(sample);
        if (classify) {
            batch.labels[i - begin] = data.labels[static_cast<size_t>(sample)];
        } else {
            batch.targets.col(column) = data.targets.col(sample);
        }
    }
}

EpochRecord makeRecord(RunId id, int epoch, double lr, const SplitScore& train,
                       const SplitScore& test, bool hasTest) {
    EpochRecord record;
    record.runId = id;
    record.epoch = epoch;
    record.lr = lr;
    record.trainLoss = train.loss;
    record.trainError = train.error;
    if (hasTest) {
        record.testLoss = test.loss;
        record.testError = test.error;
    }
    return record;
}

bool isFinite(const EpochRecord& record) {
    return std::isfinite(record.trainLoss) &&
           (!record.testLoss || std::isfinite(*record.testLoss));
}

void checkDataFitsConfig(const RunConfig& config, const DataSplit& data) {
    if (data.train.sampleCount() == 0) {
        throw InputError("the training split is empty; expected at least one training sample");
    }
    if (config.loss == LossKind::CrossEntropy && data.train.task != Task::Classify) {
        throw InputError::setting(
            "loss",
            "cross-entropy needs class labels, but the data is a regression task; expected mse "
            "(mean squared error)",
            "--loss: cross_entropy needs class labels, but the data is a regression task; "
            "expected --loss mse");
    }
}

// Mean over parameters with a non-zero gradient of |step| / |gradient|.
std::optional<double> effectiveStepSize(const Vector& before, const Vector& after,
                                        const Vector& gradient) {
    double sum = 0.0;
    long count = 0;
    for (Eigen::Index i = 0; i < gradient.size(); ++i) {
        const double g = std::abs(gradient[i]);
        if (g > 0.0) {
            sum += std::abs(after[i] - before[i]) / g;
            ++count;
        }
    }
    if (count == 0) {
        return std::nullopt;
    }
    return sum / static_cast<double>(count);
}

}  // namespace

std::string_view statusName(RunStatus status) {
    switch (status) {
        case RunStatus::Completed:
            return "done";
        case RunStatus::Stopped:
            return "stopped";
        case RunStatus::Diverged:
            return "diverged";
    }
    return "done";
}

RunResult train(RunId id, const RunConfig& config, const DataSplit& data, RunControl& control,
                TrainingObserver& observer) {
    validate(config);
    checkDataFitsConfig(config, data);

    const Dataset& trainSet = data.train;
    const bool hasTest = data.test.sampleCount() > 0;
    Network network(layerSizes(config, trainSet.featureCount(), trainSet.outputCount()),
                    config.activation);
    if (config.initialWeights) {
        assignWeights(network, *config.initialWeights);
    } else {
        Rng initRng(config.seed);
        initializeNetwork(network, config.init, initRng);
    }
    Rng shuffleRng(config.seed ^ kShuffleStream);
    auto rule = makeUpdateRule(config.optimizer, network.parameterCount());

    RunResult result;
    result.runId = id;
    ForwardCache cache;
    EvaluationCaches trainEvaluation;  // apart from `cache`: training keeps its batch shape
    EvaluationCaches testEvaluation;
    double baseLr = config.optimizer.lr;

    auto finish = [&](RunStatus status) -> RunResult {
        result.status = status;
        result.finalWeights = weightsOf(network);
        observer.onFinished(result);
        return std::move(result);
    };
    // Keeps the weights of the last finite record: those at the start of this epoch.
    Vector epochStart;
    auto diverged = [&](int epoch) -> RunResult {
        network.parameters() = epochStart;
        result.divergedAt = epoch;
        return finish(RunStatus::Diverged);
    };
    auto emit = [&](EpochRecord record) {
        result.history.push_back(record);
        observer.onEpoch(record);
    };

    {
        EpochRecord initial =
            makeRecord(id, 0, baseLr, evaluate(network, config.loss, trainSet, trainEvaluation),
                       evaluate(network, config.loss, data.test, testEvaluation), hasTest);
        if (!isFinite(initial)) {
            result.divergedAt = 0;
            return finish(RunStatus::Diverged);
        }
        emit(initial);
    }

    const auto sampleCount = static_cast<size_t>(trainSet.sampleCount());
    const size_t batchSize = config.batchSize <= 0
                                 ? sampleCount
                                 : std::min(sampleCount, static_cast<size_t>(config.batchSize));
    std::vector<Eigen::Index> order(sampleCount);
    std::iota(order.begin(), order.end(), Eigen::Index{0});

    Batch batch;
    Matrix outputGradient;
    Vector gradient;
    Vector gradientCopy;
    Vector before;

    for (int epoch = 1; epoch <= config.epochs; ++epoch) {
        if (!control.waitUntilRunnable()) {
            return finish(RunStatus::Stopped);
        }
        double lr = learningRateAt(config.schedule, baseLr, epoch);
        std::optional<double> changedTo;
        if (config.shuffle) {
            shuffleRng.shuffle(order);
        }
        epochStart = network.parameters();
        double gradNormSum = 0.0;
        long batches = 0;
        std::optional<double> stepSize;

        for (size_t begin = 0; begin < sampleCount; begin += batchSize) {
            if (!control.waitUntilRunnable()) {
                return finish(RunStatus::Stopped);
            }
            if (const auto newLr = control.takeLearningRate()) {
                // Later epochs follow the schedule's shape from the new rate.
                const double factor = learningRateAt(config.schedule, 1.0, epoch);
                baseLr = factor > 0.0 ? *newLr / factor : *newLr;
                lr = *newLr;
                changedTo = lr;
            }
            const size_t end = std::min(sampleCount, begin + batchSize);
            TargetsView targets;
            const Matrix* input = nullptr;
            if (config.shuffle || batchSize != sampleCount) {
                gatherBatch(trainSet, order, begin, end, batch);
                input = &batch.features;
                if (trainSet.task == Task::Classify) {
                    targets.labels = batch.labels.data();
                } else {
                    targets.values = &batch.targets;
                }
            } else {
                input = &trainSet.features;
                if (trainSet.task == Task::Classify) {
                    targets.labels = trainSet.labels.data();
                } else {
                    targets.values = &trainSet.targets;
                }
            }
            const Matrix& outputs = network.forward(*input, cache);
            const double batchLoss = lossAndGradient(config.loss, outputs, targets, outputGradient);
            if (!std::isfinite(batchLoss)) {
                return diverged(epoch);
            }
            network.backward(*input, cache, outputGradient, gradient);
            gradNormSum += gradient.norm();
            ++batches;
            // The step size is sampled on the epoch's last batch: measuring every batch
            // costs a division per parameter per batch.
            const bool lastBatch = end == sampleCount;
            if (lastBatch) {
                before = network.parameters();
                gradientCopy = gradient;
            }
            rule->step(network.parameters(), gradient, lr);
            if (lastBatch) {
                stepSize = effectiveStepSize(before, network.parameters(), gradientCopy);
            }
        }
        if (!network.parameters().allFinite()) {
            return diverged(epoch);
        }

        EpochRecord record =
            makeRecord(id, epoch, lr, evaluate(network, config.loss, trainSet, trainEvaluation),
                       evaluate(network, config.loss, data.test, testEvaluation), hasTest);
        if (!isFinite(record)) {
            return diverged(epoch);
        }
        record.gradNorm = gradNormSum / static_cast<double>(batches);
        const double startNorm = epochStart.norm();
        if (startNorm > 0.0) {
            record.updateRatio = (network.parameters() - epochStart).norm() / startNorm;
        }
        record.stepSize = stepSize;
        record.lrChangedTo = changedTo;
        emit(record);
        if (epoch < config.epochs && !control.endOfEpoch()) {
            return finish(RunStatus::Stopped);
        }
    }
    return finish(RunStatus::Completed);
}

RunResult train(RunId id, const RunConfig& config, RunControl& control,
                TrainingObserver& observer) {
    validate(config);
    const DataSplit data = prepareData(config.data, config.seed);
    return train(id, config, data, control, observer);
}

}  // namespace lrscope::core
