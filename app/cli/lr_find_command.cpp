#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/run_options.hpp"
#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"
#include "core/analysis/range_test_report.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/training/run_control.hpp"

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

core::RangeTestSettings settingsFromArguments(const Arguments& args) {
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

std::string suggestionText(const core::LrSuggestions& suggestions) {
    if (!suggestions.valley) {
        return "no suggestions (" + suggestions.reason + ")";
    }
    return "suggested lr: valley " + core::formatCompact(*suggestions.valley) + ", steep " +
           core::formatCompact(*suggestions.steep) + ", minimum " +
           core::formatCompact(*suggestions.minimum);
}

std::string stopText(const core::RangeTestResult& result, const core::RangeTestSettings& settings) {
    switch (result.stop) {
        case core::RangeTestStop::Diverged:
            return "stopped: the smoothed loss exceeded " +
                   core::formatNumber(settings.stopFactor) + "x its minimum";
        case core::RangeTestStop::NonFinite:
            return "stopped: a NaN or Inf loss";
        case core::RangeTestStop::Stopped:
            return "stopped";
        case core::RangeTestStop::Completed:
            break;
    }
    return "completed";
}

}  // namespace

int runLrFindCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << lrFindHelp();
        return kExitOk;
    }
    auto valueFlags = runValueFlags();
    valueFlags.insert(valueFlags.end(), {"--start-lr", "--end-lr", "--iterations", "--smoothing",
                                         "--stop-factor", "--out", "--summary"});
    const Arguments arguments(args, valueFlags, runSwitches(), "lr-find");
    for (const auto& [flag, why] : kReplacedFlags) {
        if (arguments.has(flag)) {
            throw core::InputError(std::string(flag) + ": does not apply to lr-find; " + why);
        }
    }
    const auto kinds = optimizersFromArguments(arguments);
    if (kinds.size() != 1) {
        throw core::InputError("--optimizer: lr-find takes one optimizer");
    }
    const auto config = configFromArguments(arguments, kinds.front(), std::nullopt, kinds);
    const auto settings = settingsFromArguments(arguments);
    const auto outPath = arguments.value("--out");
    const auto summaryPath = arguments.value("--summary");
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }
    if (summaryPath) {
        checkWritableDestination(*summaryPath, "--summary");
    }
    const core::DataSplit data = core::prepareData(config.data, config.seed);

    std::ostringstream buffered;
    std::ostream& sink = outPath ? static_cast<std::ostream&>(buffered) : console.out;
    sink << core::rangeTestCsvHeader() << '\n';
    core::RunControl control;
    const core::RangeTestResult result = core::rangeTest(
        config, data, settings, control,
        [&sink](const core::RangeTestPoint& p) { sink << core::rangeTestCsvRow(p) << '\n'; });
    console.out.flush();
    const core::LrSuggestions suggestions = core::lrSuggestions(result.points, settings.iterations);

    if (outPath) {
        core::writeFileAtomically(*outPath, buffered.str());
    }
    if (summaryPath) {
        core::writeFileAtomically(*summaryPath, core::rangeTestSummaryJson(result, suggestions));
    }
    console.err << "lrscope-cli lr-find: " << result.points.size() << " of " << settings.iterations
                << " iterations recorded, " << stopText(result, settings) << "; "
                << suggestionText(suggestions) << '\n';
    return kExitOk;
}

}  // namespace lrscope::cli
