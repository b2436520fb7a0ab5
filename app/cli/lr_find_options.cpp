#include "app/cli/lr_find_options.hpp"

#include "app/cli/run_options.hpp"
#include "core/base/errors.hpp"

namespace lrscope::cli {

namespace {

// Run flags of train that the range test replaces: it sets the rate of every iteration and
// runs a number of iterations, not epochs.
constexpr const char* kReplacedFlags[][2] = {
    {"--lr", "the range test sets every rate; use --start-lr and --end-lr"},
    {"--schedule", "the range test sets every rate; use --start-lr and --end-lr"},
    {"--warmup", "the range test sets every rate; use --start-lr and --end-lr"},
    {"--epochs", "the range test runs --iterations mini-batches, not epochs"},
};

}  // namespace

std::vector<std::string> rangeTestValueFlags() {
    return {"--start-lr", "--end-lr", "--iterations", "--smoothing", "--stop-factor"};
}

void rejectReplacedRunFlags(const Arguments& args, const std::string& command) {
    for (const auto& [flag, why] : kReplacedFlags) {
        if (args.has(flag)) {
            throw core::InputError(std::string(flag) + ": does not apply to " + command + "; " +
                                   why);
        }
    }
}

core::RunConfig rangeTestConfigFromArguments(const Arguments& args) {
    const auto kinds = optimizersFromArguments(args);
    if (kinds.size() != 1) {
        throw core::InputError("--optimizer: lr-find takes one optimizer");
    }
    return configFromArguments(args, kinds.front(), std::nullopt, kinds);
}

core::RangeTestSettings rangeTestSettingsFromArguments(const Arguments& args) {
    core::RangeTestSettings settings;
    if (const auto start = args.number("--start-lr")) {
        settings.startLr = *start;
    }
    if (const auto end = args.number("--end-lr")) {
        settings.endLr = *end;
    }
    if (const auto iterations = args.integer("--iterations")) {
        if (*iterations < 1 || *iterations > core::kMaxRangeTestIterations) {
            throw core::InputError("--iterations: " + std::to_string(*iterations) +
                                   " is out of range; expected 1 to " +
                                   std::to_string(core::kMaxRangeTestIterations));
        }
        settings.iterations = static_cast<int>(*iterations);
    }
    if (const auto smoothing = args.number("--smoothing")) {
        settings.smoothing = *smoothing;
    }
    if (const auto stopFactor = args.number("--stop-factor")) {
        settings.stopFactor = *stopFactor;
    }
    core::validate(settings);
    return settings;
}

}  // namespace lrscope::cli
