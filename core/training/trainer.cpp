#include "core/training/trainer.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/errors.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"
#include "core/training/batch_sequence.hpp"
#include "core/training/live_rate.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_start.hpp"
#include "core/training/step_statistics.hpp"

namespace lrscope::core {

namespace {

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
    return std::isfinite(record.trainLoss) && (!record.testLoss || std::isfinite(*record.testLoss));
}

// Puts a run where `from` left it. The epochs already trained drew their shuffles from the
// run's seed; drawing them again brings the batch order to where it was.
void continueFrom(const TrainingState& from, const RunConfig& config, Network& network,
                  UpdateRule& rule, BatchSequence& batches) {
    // Errors carry the key "resume" and the path in a state file, so the CLI can name its file.
    const auto unfit = [](const std::string& detail) {
        return InputError::setting("resume", detail);
    };
    if (from.epoch < 0 || from.epoch >= config.epochs) {
        throw unfit("$.epoch: the run has trained " + std::to_string(from.epoch) +
                    " epochs; expected fewer than its " + std::to_string(config.epochs));
    }
    if (from.parameters.size() != network.parameters().size()) {
        throw unfit("$.parameters: " + std::to_string(from.parameters.size()) +
                    " values; expected " + std::to_string(network.parameters().size()) +
                    " for this network");
    }
    if (!from.parameters.allFinite()) {
        throw unfit("$.parameters: expected finite numbers");
    }
    network.parameters() = from.parameters;
    try {
        rule.restore(from.optimizer);
    } catch (const InputError& e) {
        throw unfit(e.what());
    }
    for (int epoch = 0; epoch < from.epoch; ++epoch) {
        batches.beginEpoch();
    }
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
                TrainingObserver& observer, const TrainingState* from) {
    validate(config);
    checkDataFitsConfig(config, data);

    const Dataset& trainSet = data.train;
    const bool hasTest = data.test.sampleCount() > 0;
    Network network = initialNetwork(config, trainSet);
    BatchSequence batches(config, trainSet);
    auto rule = makeUpdateRule(config.optimizer, network.parameterCount());
    if (from != nullptr) {
        continueFrom(*from, config, network, *rule, batches);
    }
    LiveRate rate(config.schedule, from != nullptr ? from->baseLr : config.optimizer.lr,
                  static_cast<long>(batches.batchesPerEpoch()));
    const int firstEpoch = from != nullptr ? from->epoch + 1 : 1;
    StepStatistics statistics;
    SnapshotMailbox& snapshots = control.snapshots();
    const bool keepHistory = observer.wantsHistory();

    RunResult result;
    result.runId = id;
    ForwardCache cache;
    EvaluationCaches trainEvaluation;  // apart from `cache`: training keeps its batch shape
    EvaluationCaches testEvaluation;
    auto record = [&](int epoch, double lr) {
        return makeRecord(id, epoch, lr, evaluate(network, config.loss, trainSet, trainEvaluation),
                          evaluate(network, config.loss, data.test, testEvaluation), hasTest);
    };

    // Where a stop within an epoch goes back to: the state at the epoch's start.
    TrainingState epochStart;
    bool withinEpoch = false;
    int trainedEpochs = firstEpoch - 1;
    auto finish = [&](RunStatus status) -> RunResult {
        result.status = status;
        result.finalWeights = weightsOf(network);
        if (status != RunStatus::Diverged) {
            result.resumeState = withinEpoch ? std::move(epochStart)
                                             : TrainingState{trainedEpochs, network.parameters(),
                                                             rule->state(), rate.baseLr()};
        }
        observer.onFinished(result);
        return std::move(result);
    };
    // Goes back to the weights of the last finite record: those at the start of this epoch.
    auto diverged = [&](int epoch) -> RunResult {
        network.parameters() = statistics.epochStart();
        result.divergedAt = epoch;
        return finish(RunStatus::Diverged);
    };
    auto emit = [&](const EpochRecord& epochRecord) {
        if (keepHistory) {
            result.history.push_back(epochRecord);
        }
        observer.onEpoch(epochRecord);
    };

    if (from == nullptr) {
        const EpochRecord initial = record(0, config.optimizer.lr);
        if (!isFinite(initial)) {
            result.divergedAt = 0;
            return finish(RunStatus::Diverged);
        }
        emit(initial);
    }

    Matrix outputGradient;
    Vector gradient;

    for (int epoch = firstEpoch; epoch <= config.epochs; ++epoch) {
        if (!control.waitUntilRunnable()) {
            return finish(RunStatus::Stopped);
        }
        rate.beginEpoch(epoch);
        batches.beginEpoch();
        statistics.beginEpoch(network.parameters());
        epochStart.epoch = epoch - 1;
        epochStart.parameters = statistics.epochStart();
        epochStart.optimizer = rule->state();
        epochStart.baseLr = rate.baseLr();
        withinEpoch = true;

        for (long batchIndex = 0; batches.hasNext(); ++batchIndex) {
            if (!control.waitUntilRunnable()) {
                return finish(RunStatus::Stopped);
            }
            const double lr = rate.beforeBatch(batchIndex, control);
            const BatchView batch = batches.next();
            const Matrix& outputs = network.forward(*batch.features, cache);
            const double batchLoss =
                lossAndGradient(config.loss, outputs, batch.targets, outputGradient);
            if (!std::isfinite(batchLoss)) {
                return diverged(epoch);
            }
            network.backward(*batch.features, cache, outputGradient, gradient);
            statistics.addGradient(gradient);
            if (batch.lastOfEpoch) {
                statistics.beforeLastStep(network.parameters(), gradient);
            }
            rule->step(network.parameters(), gradient, lr);
            if (batch.lastOfEpoch) {
                statistics.afterLastStep(network.parameters());
            }
        }
        if (!network.parameters().allFinite()) {
            return diverged(epoch);
        }
        withinEpoch = false;
        trainedEpochs = epoch;

        EpochRecord epochRecord = record(epoch, rate.lr());
        if (!isFinite(epochRecord)) {
            return diverged(epoch);
        }
        statistics.fill(epochRecord, network.parameters());
        epochRecord.lrChangedTo = rate.changedTo();
        emit(epochRecord);
        if (snapshots.wanted(epoch)) {
            snapshots.offer(WeightSnapshot{epoch, weightsOf(network)});
        }
        if (epoch < config.epochs && !control.endOfEpoch()) {
            return finish(RunStatus::Stopped);
        }
    }
    return finish(RunStatus::Completed);
}

RunResult train(RunId id, const RunConfig& config, RunControl& control, TrainingObserver& observer,
                const TrainingState* from) {
    validate(config);
    const DataSplit data = prepareData(config.data, config.seed);
    return train(id, config, data, control, observer, from);
}

}  // namespace lrscope::core
