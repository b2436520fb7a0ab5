// Compiled only with the GUI libraries (LRSCOPE_WITH_PLOT): it renders with lrscope_ui.
#ifdef LRSCOPE_WITH_PLOT

#include "app/cli/plot_figures.hpp"

#include "app/cli/lr_find_options.hpp"
#include "app/cli/offscreen_app.hpp"
#include "app/cli/run_batch.hpp"
#include "app/cli/run_options.hpp"
#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test_report.hpp"
#include "core/analysis/sweep_curve.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/training/run_control.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/views/range_test/range_test_plot.hpp"
#include "ui/views/sweep/sweep_plot.hpp"

namespace lrscope::cli {

using core::InputError;

namespace {

// Flags of the run-curve figure that mean nothing for the range test or the U-curve.
void rejectFlags(const Arguments& args, const std::vector<std::string>& flags,
                 const std::string& figure, const std::string& why) {
    for (const std::string& flag : flags) {
        if (args.has(flag)) {
            throw InputError(flag + ": does not apply to " + figure + "; " + why);
        }
    }
}

void writeFigure(QCustomPlot& plot, const std::string& out, const ui::FigureSize& size) {
    plot.resize(size.width, size.height);
    const QString error = ui::exportFigure(plot, QString::fromStdString(out), size);
    if (!error.isEmpty()) {
        throw InputError("--out: " + error.toStdString());
    }
}

std::string plotRangeTest(const Arguments& args, const std::string& out,
                          const ui::FigureSize& size) {
    rejectFlags(args, {"--metric", "--series", "--log-y"}, "--lr-find",
                "the figure is the smoothed loss against the rate");
    rejectFlags(args, {"--runs", "--threads", "--lr-range", "--sweep-y"}, "--lr-find",
                "the range test is one run of its own");
    rejectReplacedRunFlags(args, "plot --lr-find");
    const core::RunConfig config = rangeTestConfigFromArguments(args);
    const core::RangeTestSettings settings = rangeTestSettingsFromArguments(args);
    const auto summaryPath = args.value("--summary");
    if (summaryPath) {
        checkWritableDestination(*summaryPath, "--summary");
    }
    const core::DataSplit data = core::prepareData(config.data, config.seed);
    core::RunControl control;
    const core::RangeTestResult result = core::rangeTest(config, data, settings, control);
    const core::LrSuggestions suggestions = core::lrSuggestions(result.points, settings.iterations);

    const auto app = ensureApplication();
    ui::RangeTestCurve curve;
    curve.label = ui::rangeTestLabel(config);
    curve.colour = ui::runColour(0);
    curve.settings = settings;
    curve.points = result.points;
    curve.finished = true;
    curve.stop = result.stop;
    curve.suggestions = suggestions;
    ui::RangeTestPlot plot;
    plot.setTests({curve});
    writeFigure(plot, out, size);
    if (summaryPath) {
        core::writeFileAtomically(*summaryPath, core::rangeTestSummaryJson(result, suggestions));
    }
    std::string line = "wrote " + out + " (range test: " + std::to_string(result.points.size()) +
                       " of " + std::to_string(settings.iterations) + " iterations, " +
                       std::string(core::stopName(result.stop)) + "; ";
    if (suggestions.valley) {
        line += "valley " + core::formatCompact(*suggestions.valley) + ", steep " +
                core::formatCompact(*suggestions.steep) + ", minimum " +
                core::formatCompact(*suggestions.minimum) + ")";
    } else {
        line += "no suggestions: " + suggestions.reason + ")";
    }
    return line;
}

// The runs of the U-curve: trained here with sweep's flags, or read from a runs CSV.
std::vector<ui::SweepPlotRun> sweepRuns(const Arguments& args, core::SweepMeasure measure) {
    std::vector<ui::SweepPlotRun> runs;
    if (const auto file = args.value("--runs")) {
        for (const std::string& flag : runValueFlags()) {
            if (args.has(flag)) {
                throw InputError("--runs and " + flag +
                                 " contradict each other; runs read from a file are not "
                                 "trained");
            }
        }
        for (const core::NamedHistory& named : core::readLongCsvFile(*file)) {
            if (named.optimizer.empty() || !(named.baseLr > 0.0)) {
                throw InputError(*file + ": run " + std::to_string(named.run) +
                                 " has no optimizer or base_lr; expected the runs CSV of a "
                                 "sweep (lrscope-cli sweep --out)");
            }
            ui::SweepPlotRun run;
            run.id = static_cast<core::RunId>(named.run);
            run.group = ui::optimizerLabel(core::parseOptimizer(named.optimizer));
            run.lr = named.baseLr;
            run.value = core::sweepValue(named.history, measure);
            run.divergedAt = named.divergedAt;
            run.finished = true;
            runs.push_back(run);
        }
        return runs;
    }
    const auto configs = batchConfigsFromArguments(args);
    if (configs.size() > 1000) {
        throw InputError("--lr/--optimizer: " + std::to_string(configs.size()) +
                         " runs; a sweep figure takes at most 1000");
    }
    const core::DataSplit data = core::prepareData(configs.front().data, configs.front().seed);
    const auto results = trainBatch(configs, data, threadsFromArguments(args));
    std::vector<const core::RunConfig*> pointers;
    for (const core::RunConfig& config : configs) {
        pointers.push_back(&config);
    }
    const std::vector<QString> groups = ui::sweepGroups(pointers);
    for (std::size_t i = 0; i < configs.size(); ++i) {
        ui::SweepPlotRun run;
        run.id = static_cast<core::RunId>(i + 1);
        run.group = groups[i];
        run.lr = configs[i].optimizer.lr;
        run.value = core::sweepValue(results[i].history, measure);
        run.divergedAt = results[i].divergedAt;
        run.finished = true;
        runs.push_back(run);
    }
    return runs;
}

std::string plotSweep(const Arguments& args, const std::string& out, const ui::FigureSize& size) {
    rejectFlags(args, {"--metric", "--series"}, "--sweep", "the U-curve's y axis is --sweep-y");
    rejectFlags(args, rangeTestValueFlags(), "--sweep", "it belongs to --lr-find");
    rejectFlags(args, {"--summary"}, "--sweep", "use lrscope-cli sweep --summary");
    core::SweepMeasure measure = core::SweepMeasure::FinalTrainLoss;
    if (const auto key = args.value("--sweep-y")) {
        const auto parsed = core::measureFromKey(*key);
        if (!parsed) {
            throw InputError("--sweep-y: '" + *key +
                             "' is not valid; expected final-train-loss, final-test-loss, "
                             "best-test-loss or final-error");
        }
        measure = *parsed;
    }
    const auto runs = sweepRuns(args, measure);
    const auto app = ensureApplication();
    ui::SweepPlot plot;
    plot.setMeasure(measure);
    plot.setLogY(args.has("--log-y"));
    plot.setRuns(runs);
    writeFigure(plot, out, size);
    int diverged = 0;
    for (const ui::SweepPlotRun& run : runs) {
        diverged += run.divergedAt ? 1 : 0;
    }
    std::string line = "wrote " + out + " (U-curve of " + std::to_string(runs.size()) +
                       (runs.size() == 1 ? " run" : " runs") + ", " + std::to_string(diverged) +
                       " diverged";
    for (const core::SweepCurve& curve : plot.curves()) {
        line += "; " + curve.group + " best lr ";
        line += curve.best ? core::formatCompact(curve.points[*curve.best].lr) : "none";
    }
    return line + ")";
}

}  // namespace

std::vector<std::string> figureValueFlags() {
    auto flags = rangeTestValueFlags();
    flags.insert(flags.end(), {"--summary", "--sweep-y"});
    return flags;
}

std::vector<std::string> figureSwitches() {
    return {"--lr-find", "--sweep"};
}

std::optional<std::string> plotSpecialFigure(const Arguments& args, const std::string& out,
                                             const ui::FigureSize& size) {
    if (args.has("--lr-find") && args.has("--sweep")) {
        throw InputError("--lr-find and --sweep contradict each other; a plot draws one figure");
    }
    if (args.has("--lr-find")) {
        return plotRangeTest(args, out, size);
    }
    if (args.has("--sweep")) {
        return plotSweep(args, out, size);
    }
    for (const std::string& flag : figureValueFlags()) {
        // --smoothing is the loss curves' own too (TensorBoard's weight).
        if (args.has(flag) && flag != "--smoothing") {
            throw InputError(flag + ": applies only to plot " +
                             (flag == "--sweep-y" ? "--sweep" : "--lr-find"));
        }
    }
    return std::nullopt;
}

}  // namespace lrscope::cli

#endif  // LRSCOPE_WITH_PLOT
