#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cli/arguments.hpp"
#include "core/optim/lr_schedule.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::cli {

// Flags that describe a run; shared by train, sweep and plot so all three speak the same
// vocabulary as core::RunConfig.
std::vector<std::string> runValueFlags();
std::vector<std::string> runSwitches();

// Builds and validates the config of one run with optimizer `kind` at rate `lr` (nullopt:
// the optimizer's default). An optimizer flag that does not apply to any of `allKinds`
// (e.g. --beta1 with sgd) is an error; otherwise it is applied where it applies. Reads
// --init-weights. Throws core::InputError.
core::RunConfig configFromArguments(const Arguments& args, core::OptimizerKind kind,
                                    std::optional<double> lr,
                                    const std::vector<core::OptimizerKind>& allKinds);

// The settings of optimizer `kind` from the optimizer flags, validated; the rule for flags
// that do not apply is configFromArguments's.
core::OptimizerSettings optimizerSettingsFromArguments(
    const Arguments& args, core::OptimizerKind kind, std::optional<double> lr,
    const std::vector<core::OptimizerKind>& allKinds);
// The optimizer flags alone (--momentum ... --initial-accumulator; --centered, --amsgrad).
std::vector<std::string> optimizerValueFlags();
std::vector<std::string> optimizerSwitchFlags();

// --schedule and --warmup, validated.
core::LrSchedule scheduleFromArguments(const Arguments& args);

// The optimizers named by --optimizer (a comma-separated list; default sgd).
std::vector<core::OptimizerKind> optimizersFromArguments(const Arguments& args);

// The rates of --lr X,Y,... or --lr-range MIN:MAX:N (core::logSpaced: the ends as typed, whole
// decades from MIN exact); empty when neither is given.
std::vector<double> learningRatesFromArguments(const Arguments& args);

// Fails early, before any training, when a file could not be written later.
void checkWritableDestination(const std::string& path, const std::string& flag);

// Help text for the run flags, shared by the subcommands' --help; the optimizer's
// hyper-parameter flags alone (--momentum ... --amsgrad).
std::string runFlagsHelp();
std::string optimizerFlagsHelp();

}  // namespace lrscope::cli
