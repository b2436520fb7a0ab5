#include "app/cli/run_batch.hpp"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include "app/cli/run_options.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_pool.hpp"

namespace lrscope::cli {

unsigned threadsFromArguments(const Arguments& args) {
    const auto count = args.integer("--threads");
    if (!count) {
        return core::RunPool::defaultThreadCount();
    }
    if (*count < 1 || *count > 256) {
        throw core::InputError("--threads: " + std::to_string(*count) +
                               " is out of range; expected 1 to 256");
    }
    return static_cast<unsigned>(*count);
}

Shard shardFromArguments(const Arguments& args, size_t runCount) {
    const auto text = args.value("--shard");
    if (!text) {
        return {};
    }
    const auto slash = text->find('/');
    const auto index =
        slash == std::string::npos ? std::nullopt : core::parseLong(text->substr(0, slash));
    const auto count =
        slash == std::string::npos ? std::nullopt : core::parseLong(text->substr(slash + 1));
    if (!index || !count || *count < 1 || *index < 1 || *index > *count ||
        text->find('+') != std::string::npos) {
        throw core::InputError("--shard: '" + *text +
                               "' is not a shard; expected K/N with whole numbers "
                               "1 <= K <= N (2/4: the second of four shards)");
    }
    if (static_cast<size_t>(*count) > runCount) {
        const auto runs = [](size_t n) { return std::to_string(n) + (n == 1 ? " run" : " runs"); };
        throw core::InputError("--shard: " + *text + " splits " + runs(runCount) + " into " +
                               std::to_string(*count) + " shards; expected at most " +
                               std::to_string(runCount) + (runCount == 1 ? " shard" : " shards") +
                               " (one run or more each)");
    }
    return Shard{static_cast<int>(*index), static_cast<int>(*count)};
}

std::string runName(const core::RunConfig& config) {
    return std::string(core::optimizerDisplayName(config.optimizer.kind)) +
           " lr=" + core::formatCompact(config.optimizer.lr);
}

std::vector<core::RunConfig> batchConfigsFromArguments(const Arguments& args) {
    const auto kinds = optimizersFromArguments(args);
    const auto rates = learningRatesFromArguments(args);
    std::vector<core::RunConfig> configs;
    for (const auto kind : kinds) {
        if (rates.empty()) {
            configs.push_back(configFromArguments(args, kind, std::nullopt, kinds));
        }
        for (const double lr : rates) {
            configs.push_back(configFromArguments(args, kind, lr, kinds));
        }
    }
    return configs;
}

std::vector<core::RunResult> trainBatch(const std::vector<core::RunConfig>& configs,
                                        const core::DataSplit& data, unsigned threads,
                                        const std::function<void(size_t)>& onRunDone) {
    std::vector<core::RunResult> results(configs.size());
    std::atomic<size_t> finished{0};
    std::mutex errorMutex;
    std::string inputError;
    std::string internalError;
    {
        core::RunPool pool(threads);
        for (size_t i = 0; i < configs.size(); ++i) {
            pool.submit([&, i] {
                try {
                    core::RunControl control;
                    core::TrainingObserver silent;
                    results[i] = core::train(i + 1, configs[i], data, control, silent);
                } catch (const core::InputError& e) {
                    const std::lock_guard lock(errorMutex);
                    inputError = e.what();
                } catch (const std::exception& e) {
                    const std::lock_guard lock(errorMutex);
                    internalError = e.what();
                }
                const size_t done = ++finished;
                if (onRunDone) {
                    onRunDone(done);
                }
            });
        }
        pool.waitIdle();
    }
    if (!inputError.empty()) {
        throw core::InputError(inputError);
    }
    if (!internalError.empty()) {
        throw std::runtime_error(internalError);
    }
    return results;
}

}  // namespace lrscope::cli
