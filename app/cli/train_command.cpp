#include <optional>
#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/batch_outputs.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/progress_line.hpp"
#include "app/cli/run_options.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/session_file.hpp"
#include "core/io/training_state_file.hpp"
#include "core/io/weights_file.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

namespace {

// Streams CSV rows to stdout as epochs finish (or collects them for an atomic --out write)
// and keeps the terminal's progress line current.
class CsvObserver : public core::TrainingObserver {
public:
    // `keepHistory`: the run's result holds the records too (a session needs them).
    CsvObserver(std::ostream& sink, ProgressLine& progress, int epochs, bool keepHistory)
        : sink_(sink), progress_(progress), epochs_(epochs), keepHistory_(keepHistory) {}

    void onEpoch(const core::EpochRecord& record) override {
        sink_ << core::historyCsvRow(record) << '\n';
        progress_.update("epoch " + std::to_string(record.epoch) + "/" + std::to_string(epochs_) +
                         "  train loss " + core::formatCompact(record.trainLoss, 4));
        lastEpoch_ = record.epoch;
    }
    // Every row is already in the sink: the run's result need not hold them again, unless a
    // session is written from it.
    bool wantsHistory() const override { return keepHistory_; }

    std::optional<int> lastEpoch() const { return lastEpoch_; }

private:
    std::ostream& sink_;
    ProgressLine& progress_;
    int epochs_;
    bool keepHistory_;
    std::optional<int> lastEpoch_;
};

}  // namespace

int runTrainCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << trainHelp();
        return kExitOk;
    }
    auto valueFlags = runValueFlags();
    valueFlags.insert(valueFlags.end(),
                      {"--out", "--save-weights", "--session-out", "--save-state", "--resume"});
    const Arguments arguments(args, valueFlags, runSwitches(), "train");
    const auto kinds = optimizersFromArguments(arguments);
    if (kinds.size() != 1) {
        throw core::InputError("--optimizer: train takes one optimizer; use sweep for several");
    }
    const auto config =
        configFromArguments(arguments, kinds.front(), arguments.number("--lr"), kinds);
    const auto outPath = arguments.value("--out");
    const auto weightsPath = arguments.value("--save-weights");
    const auto sessionPath = arguments.value("--session-out");
    const auto statePath = arguments.value("--save-state");
    std::optional<core::SavedTrainingState> resume;
    if (const auto resumePath = arguments.value("--resume")) {
        resume = core::readTrainingStateFile(*resumePath);
        if (const std::string problem = core::continuationProblem(*resume, config);
            !problem.empty()) {
            throw core::InputError("--resume: " + *resumePath + ": " + problem);
        }
    }
    if (statePath) {
        checkWritableDestination(*statePath, "--save-state");
    }
    if (sessionPath) {
        checkWritableDestination(*sessionPath, "--session-out");
    }
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }
    if (weightsPath) {
        checkWritableDestination(*weightsPath, "--save-weights");
    }
    const core::DataSplit data = core::prepareData(config.data, config.seed);

    std::ostringstream buffered;
    std::ostream& sink = outPath ? static_cast<std::ostream&>(buffered) : console.out;
    sink << core::historyCsvHeader() << '\n';
    ProgressLine progress(console.err, console.progress);
    CsvObserver observer(sink, progress, config.epochs, sessionPath.has_value());
    core::RunControl control;
    const core::RunResult result = [&] {
        try {
            return core::train(1, config, data, control, observer,
                               resume ? &resume->state : nullptr);
        } catch (const core::InputError& e) {
            if (e.key() != "resume") {
                throw;
            }
            throw core::InputError("--resume: " + *arguments.value("--resume") + ": " + e.detail());
        }
    }();
    progress.clear();
    console.out.flush();

    if (outPath) {
        core::writeFileAtomically(*outPath, buffered.str());
    }
    if (weightsPath) {
        core::writeWeightsFile(
            *weightsPath,
            core::WeightsFileContents{result.finalWeights, core::modelBlockOf(config, data)});
    }
    if (statePath && result.resumeState) {
        core::writeTrainingStateFile(*statePath,
                                     core::SavedTrainingState{config, *result.resumeState});
    } else if (statePath) {
        console.err << "lrscope-cli: --save-state: not written; a diverged run has no state to "
                       "continue from\n";
    }
    if (sessionPath) {
        core::writeSessionFile(*sessionPath, sessionOf({BatchRun{1, config, result}}));
    }
    if (result.status == core::RunStatus::Diverged) {
        console.err << "lrscope-cli: the run diverged at epoch " << *result.divergedAt
                    << " (NaN or Inf in the loss or weights); ";
        if (!observer.lastEpoch()) {
            console.err << "no epoch was finite, so only the header was written\n";
        } else {
            console.err << "the history up to epoch " << *observer.lastEpoch() << " was written\n";
        }
    }
    return kExitOk;
}

}  // namespace lrscope::cli
