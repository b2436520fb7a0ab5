#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/progress_line.hpp"
#include "app/cli/run_batch.hpp"
#include "app/cli/run_options.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

using core::InputError;

namespace {

struct SweepRun {
    core::RunConfig config;
    core::RunResult result;
};

void printSummary(std::ostream& err, const std::vector<SweepRun>& runs) {
    err << std::left << std::setw(5) << "run" << std::setw(11) << "optimizer" << std::setw(11)
        << "lr" << std::setw(14) << "final loss" << std::setw(14) << "best loss"
        << "status\n";
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto& run = runs[i];
        const auto& history = run.result.history;
        std::string finalLoss = "-";
        std::string bestLoss = "-";
        if (!history.empty()) {
            double best = history.front().trainLoss;
            for (const auto& record : history) {
                best = std::min(best, record.trainLoss);
            }
            finalLoss = core::formatCompact(history.back().trainLoss, 5);
            bestLoss = core::formatCompact(best, 5);
        }
        std::string status(core::statusName(run.result.status));
        if (run.result.divergedAt) {
            status += " @ epoch " + std::to_string(*run.result.divergedAt);
        }
        err << std::left << std::setw(5) << (i + 1) << std::setw(11)
            << core::optimizerName(run.config.optimizer.kind) << std::setw(11)
            << core::formatCompact(run.config.optimizer.lr, 4) << std::setw(14) << finalLoss
            << std::setw(14) << bestLoss << status << '\n';
    }
}

}  // namespace

int runSweepCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << sweepHelp();
        return kExitOk;
    }
    auto valueFlags = runValueFlags();
    valueFlags.insert(valueFlags.end(), {"--out", "--lr-range", "--threads"});
    const Arguments arguments(args, valueFlags, runSwitches(), "sweep");
    const unsigned threads = threadsFromArguments(arguments);
    const auto outPath = arguments.value("--out");
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }

    // Every config is built and validated before anything trains. All runs share one data
    // spec and seed, so the data is prepared once.
    const auto configs = batchConfigsFromArguments(arguments);
    const core::DataSplit data = core::prepareData(configs.front().data, configs.front().seed);
    ProgressLine progress(console.err, console.progress);
    auto results = trainBatch(configs, data, threads, [&](size_t done) {
        progress.update("runs done " + std::to_string(done) + "/" + std::to_string(configs.size()));
    });
    progress.clear();
    std::vector<SweepRun> runs;
    for (size_t i = 0; i < configs.size(); ++i) {
        runs.push_back({configs[i], std::move(results[i])});
    }

    std::ostringstream buffered;
    std::ostream& sink = outPath ? static_cast<std::ostream&>(buffered) : console.out;
    sink << core::longCsvHeader() << '\n';
    for (size_t i = 0; i < runs.size(); ++i) {
        core::NamedHistory named;
        named.run = static_cast<int>(i + 1);
        named.optimizer = std::string(core::optimizerName(runs[i].config.optimizer.kind));
        named.baseLr = runs[i].config.optimizer.lr;
        named.name = std::string(core::optimizerDisplayName(runs[i].config.optimizer.kind)) +
                     " lr=" + core::formatCompact(named.baseLr);
        for (const auto& record : runs[i].result.history) {
            sink << core::longCsvRow(named, record) << '\n';
        }
    }
    if (outPath) {
        core::writeFileAtomically(*outPath, buffered.str());
    }
    console.out.flush();
    printSummary(console.err, runs);
    return kExitOk;
}

}  // namespace lrscope::cli
