#include <algorithm>
#include <string>
#include <vector>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/run_options.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/runs_merge.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::cli {

namespace {

const std::vector<std::string> kValueFlags = {"--out", "--session-out"};

// The input files are the arguments that are neither a flag nor a flag's value.
void splitArguments(const std::vector<std::string>& args, std::vector<std::string>& inputs,
                    std::vector<std::string>& flags) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (!args[i].starts_with("--")) {
            inputs.push_back(args[i]);
            continue;
        }
        flags.push_back(args[i]);
        const bool takesValue =
            std::find(kValueFlags.begin(), kValueFlags.end(), args[i]) != kValueFlags.end();
        if (takesValue && i + 1 < args.size()) {
            flags.push_back(args[++i]);
        }
    }
}

std::string listOf(const std::vector<int>& numbers) {
    std::string text;
    for (size_t i = 0; i < numbers.size() && i < 10; ++i) {
        text += (i == 0 ? "" : ", ") + std::to_string(numbers[i]);
    }
    return numbers.size() > 10 ? text + ", ... (" + std::to_string(numbers.size()) + " runs)"
                               : text;
}

}  // namespace

int runMergeCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << mergeHelp();
        return kExitOk;
    }
    std::vector<std::string> inputs;
    std::vector<std::string> flagArgs;
    splitArguments(args, inputs, flagArgs);
    const Arguments arguments(flagArgs, kValueFlags, {}, "merge");
    if (inputs.empty()) {
        throw core::InputError(
            "merge: no input files; expected runs CSVs or sessions to merge (see lrscope-cli "
            "merge --help)");
    }
    const auto outPath = arguments.value("--out");
    const auto sessionPath = arguments.value("--session-out");
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }
    if (sessionPath) {
        checkWritableDestination(*sessionPath, "--session-out");
    }

    // Everything is read and checked before anything is written.
    std::vector<core::RunsSource> sources;
    for (const std::string& input : inputs) {
        sources.push_back(core::readRunsSource(input));
    }
    std::string sessionText;
    if (sessionPath) {
        sessionText = core::sessionToJsonText(core::mergeSessions(sources));
    }
    const core::MergedRuns merged = core::mergeRuns(sources);

    const std::string csv = core::longCsvText(merged.runs);
    if (outPath) {
        core::writeFileAtomically(*outPath, csv);
    } else if (!sessionPath) {
        console.out << csv;
        console.out.flush();
    }
    if (sessionPath) {
        core::writeFileAtomically(*sessionPath, sessionText);
    }
    if (!merged.missingRuns.empty()) {
        console.err << "lrscope-cli: merge: note: no input holds run " << listOf(merged.missingRuns)
                    << " (the highest run is " << merged.runs.back().run
                    << "); was a shard left out?\n";
    }
    return kExitOk;
}

}  // namespace lrscope::cli
