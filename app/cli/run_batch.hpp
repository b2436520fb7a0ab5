#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/cli/arguments.hpp"
#include "core/training/run_config.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

// --threads N (1..256); default one per core.
unsigned threadsFromArguments(const Arguments& args);

// --shard K/N: the runs whose index in the sweep's order (0-based) is K-1 mod N.
struct Shard {
    int index = 1;  // K, from 1
    int count = 1;  // N
    bool holds(size_t runIndex) const {
        return runIndex % static_cast<size_t>(count) == static_cast<size_t>(index - 1);
    }
};
// The shard of --shard, or all runs (1/1) without it. Throws InputError naming the flag for
// text that is not K/N with 1 <= K <= N, or more shards than `runCount` runs (every shard
// must hold a run).
Shard shardFromArguments(const Arguments& args, size_t runCount);

// The name a batch gives a run, in its CSV rows and sessions: "SGD lr=0.01".
std::string runName(const core::RunConfig& config);

// One validated config per (optimizer, learning rate) pair of --optimizer x --lr/--lr-range,
// optimizer-major; each optimizer's default rate when no rate is given.
std::vector<core::RunConfig> batchConfigsFromArguments(const Arguments& args);

// Trains every config concurrently on `threads` workers, all on the same prepared data
// (read-only, shared). Results come back in config order, whatever the thread count. A run
// that throws InputError rethrows it here after all runs ended; any other failure is rethrown
// as std::runtime_error. `onRunDone(finishedCount)` is called from the workers.
std::vector<core::RunResult> trainBatch(const std::vector<core::RunConfig>& configs,
                                        const core::DataSplit& data, unsigned threads,
                                        const std::function<void(size_t)>& onRunDone = {});

}  // namespace lrscope::cli
