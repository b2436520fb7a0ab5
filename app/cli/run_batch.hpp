#pragma once

#include <functional>
#include <vector>

#include "app/cli/arguments.hpp"
#include "core/training/run_config.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

// --threads N (1..256); default one per core.
unsigned threadsFromArguments(const Arguments& args);

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
