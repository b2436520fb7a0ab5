#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/lr_find_options.hpp"
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
    const auto rangeFlags = rangeTestValueFlags();
    valueFlags.insert(valueFlags.end(), rangeFlags.begin(), rangeFlags.end());
    valueFlags.insert(valueFlags.end(), {"--out", "--summary"});
    const Arguments arguments(args, valueFlags, runSwitches(), "lr-find");
    rejectReplacedRunFlags(arguments, "lr-find");
    const auto config = rangeTestConfigFromArguments(arguments);
    const auto settings = rangeTestSettingsFromArguments(arguments);
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
