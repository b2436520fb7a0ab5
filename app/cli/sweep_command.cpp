#include <iomanip>
#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/batch_outputs.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/progress_line.hpp"
#include "app/cli/run_batch.hpp"
#include "app/cli/run_options.hpp"
#include "core/analysis/run_summary.hpp"
#include "core/analysis/sweep_summary_json.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/session_file.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

namespace {

std::string compactOrDash(const std::optional<double>& value) {
    return value ? core::formatCompact(*value, 5) : "-";
}

// Losses as core::summarize defines them; "-" where a run has none (no test split).
void printSummary(std::ostream& err, const std::vector<BatchRun>& runs) {
    err << std::left << std::setw(5) << "run" << std::setw(11) << "optimizer" << std::setw(11)
        << "lr" << std::setw(18) << "final train loss" << std::setw(17) << "best train loss"
        << std::setw(16) << "best test loss"
        << "status\n";
    for (const BatchRun& run : runs) {
        const core::RunSummary summary = core::summarize(run.result.history);
        std::string status(core::statusName(run.result.status));
        if (run.result.divergedAt) {
            status += " @ epoch " + std::to_string(*run.result.divergedAt);
        }
        err << std::left << std::setw(5) << run.number << std::setw(11)
            << core::optimizerName(run.config.optimizer.kind) << std::setw(11)
            << core::formatCompact(run.config.optimizer.lr, 4) << std::setw(18)
            << compactOrDash(summary.finalTrainLoss) << std::setw(17)
            << compactOrDash(summary.bestTrainLoss) << std::setw(16)
            << compactOrDash(summary.bestTestLoss) << status << '\n';
    }
}

}  // namespace

int runSweepCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << sweepHelp();
        return kExitOk;
    }
    auto valueFlags = runValueFlags();
    valueFlags.insert(valueFlags.end(), {"--out", "--lr-range", "--threads", "--session-out",
                                         "--summary", "--shard"});
    const Arguments arguments(args, valueFlags, runSwitches(), "sweep");
    const unsigned threads = threadsFromArguments(arguments);
    const auto outPath = arguments.value("--out");
    const auto sessionPath = arguments.value("--session-out");
    const auto summaryPath = arguments.value("--summary");
    for (const auto& [path, flag] :
         {std::pair{outPath, "--out"}, std::pair{sessionPath, "--session-out"},
          std::pair{summaryPath, "--summary"}}) {
        if (path) {
            checkWritableDestination(*path, flag);
        }
    }

    // Every config is built and validated before anything trains. All runs share one data
    // spec and seed, so the data is prepared once. A shard trains its part of the cross
    // product, and each run keeps the number it has in the whole sweep.
    const auto allConfigs = batchConfigsFromArguments(arguments);
    const Shard shard = shardFromArguments(arguments, allConfigs.size());
    std::vector<core::RunConfig> configs;
    std::vector<int> numbers;
    for (size_t i = 0; i < allConfigs.size(); ++i) {
        if (shard.holds(i)) {
            configs.push_back(allConfigs[i]);
            numbers.push_back(static_cast<int>(i + 1));
        }
    }
    const core::DataSplit data = core::prepareData(configs.front().data, configs.front().seed);
    ProgressLine progress(console.err, console.progress);
    auto results = trainBatch(configs, data, threads, [&](size_t done) {
        progress.update("runs done " + std::to_string(done) + "/" + std::to_string(configs.size()));
    });
    progress.clear();
    std::vector<BatchRun> runs;
    std::vector<core::NamedHistory> named;
    for (size_t i = 0; i < configs.size(); ++i) {
        runs.push_back({numbers[i], configs[i], std::move(results[i])});
        named.push_back(namedHistoryOf(runs.back()));
    }

    const std::string csv = core::longCsvText(named);
    if (outPath) {
        core::writeFileAtomically(*outPath, csv);
    } else {
        console.out << csv;
        console.out.flush();
    }
    if (sessionPath) {
        // The window lists the runs as one sweep and draws their U-curve.
        core::writeSessionFile(*sessionPath, sessionOf(runs, 1));
    }
    if (summaryPath) {
        core::writeFileAtomically(*summaryPath, core::sweepSummaryJsonText(summaryOf(runs)));
    }
    printSummary(console.err, runs);
    return kExitOk;
}

}  // namespace lrscope::cli
