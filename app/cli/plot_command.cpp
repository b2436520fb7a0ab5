// Compiled only with the GUI libraries (LRSCOPE_WITH_PLOT): it renders with lrscope_ui.
#ifdef LRSCOPE_WITH_PLOT

#include "app/cli/plot_command.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/offscreen_app.hpp"
#include "app/cli/plot_figures.hpp"
#include "app/cli/plot_boundary.hpp"
#include "app/cli/run_batch.hpp"
#include "app/cli/run_options.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/imported_file.hpp"
#include "core/io/session_file.hpp"
#include "core/training/trainer.hpp"
#include "ui/export/plot_export.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/session/imported_runs.hpp"
#include "ui/session/session_runs.hpp"
#include "ui/views/curves/run_plot.hpp"

namespace lrscope::cli {

using core::InputError;

namespace {

// One curve to draw, trained here or read from a runs CSV.
struct PlotRun {
    std::string name;
    std::optional<core::RunConfig> config;  // trained here: the legend names what differs
    int plannedEpochs = 0;
    std::vector<core::EpochRecord> history;
    std::optional<int> divergedAt;
};

struct FigureOptions {
    std::string out;
    ui::FigureSize size;
    ui::PlotMetric metric = ui::PlotMetric::Loss;
    ui::SeriesChoice series = ui::SeriesChoice::TrainAndTest;
    bool logY = false;
    bool both = false;  // the loss plot above the plot of `metric`
    ui::FigureOptions figure;
    double smoothing = 0.0;
};

// The largest smoothing weight, as the window's slider.
constexpr double kMaxSmoothing = 0.999;

ui::PlotMetric parseMetric(const std::string& text) {
    static const std::map<std::string, ui::PlotMetric> kNames = {
        {"loss", ui::PlotMetric::Loss},
        {"error", ui::PlotMetric::ErrorPercent},
        {"success", ui::PlotMetric::SuccessPercent},
        {"grad-norm", ui::PlotMetric::GradientNorm},
        {"step-size", ui::PlotMetric::StepSize}};
    const auto it = kNames.find(text);
    if (it == kNames.end()) {
        throw InputError("--metric: '" + text +
                         "' is not a metric; expected loss, error, success, grad-norm or "
                         "step-size");
    }
    return it->second;
}

ui::SeriesChoice parseSeries(const std::string& text) {
    if (text == "both") {
        return ui::SeriesChoice::TrainAndTest;
    }
    if (text == "train") {
        return ui::SeriesChoice::TrainOnly;
    }
    if (text == "test") {
        return ui::SeriesChoice::TestOnly;
    }
    throw InputError("--series: '" + text + "' is not valid; expected both, train or test");
}

int sideFlag(const Arguments& args, const std::string& flag, int fallback) {
    const auto value = args.integer(flag);
    if (!value) {
        return fallback;
    }
    if (*value < ui::kMinFigureSide || *value > ui::kMaxFigureSide) {
        throw InputError(flag + ": " + std::to_string(*value) + " is out of range; expected " +
                         std::to_string(ui::kMinFigureSide) + " to " +
                         std::to_string(ui::kMaxFigureSide));
    }
    return static_cast<int>(*value);
}

FigureOptions figureOptions(const Arguments& args) {
    FigureOptions options;
    const auto out = args.value("--out");
    if (!out || out->empty()) {
        throw InputError("--out: missing; give the figure's file name (.png, .pdf or .svg)");
    }
    options.out = *out;
    if (!ui::figureFormatFor(QString::fromStdString(options.out))) {
        throw InputError("--out: '" + options.out +
                         "' has an unknown suffix; expected .png, .pdf or .svg");
    }
    options.size.width = sideFlag(args, "--width", 1200);
    options.size.height = sideFlag(args, "--height", 700);
    if (const auto scale = args.number("--scale")) {
        if (!(*scale >= 0.5 && *scale <= 8.0)) {
            throw InputError("--scale: " + core::formatNumber(*scale) +
                             " is out of range; expected 0.5 to 8");
        }
        options.size.scale = *scale;
    }
    if (const auto metric = args.value("--metric")) {
        options.metric = parseMetric(*metric);
    }
    if (const auto series = args.value("--series")) {
        options.series = parseSeries(*series);
    }
    options.logY = args.has("--log-y");
    options.both = args.has("--both");
    if (options.both) {
        // The window's second plot: the success rate, unless --metric names another.
        if (options.metric == ui::PlotMetric::Loss && args.has("--metric")) {
            throw InputError(
                "--both: the upper plot is the loss already; give the lower plot's --metric as "
                "error, success, grad-norm or step-size");
        }
        if (!args.has("--metric")) {
            options.metric = ui::PlotMetric::SuccessPercent;
        }
    }
    if (const auto title = args.value("--title")) {
        options.figure.title = QString::fromStdString(*title);
    }
    options.figure.seriesKey = args.has("--key");
    options.figure.yMin = args.number("--y-min");
    options.figure.yMax = args.number("--y-max");
    if (options.figure.yMin && options.figure.yMax &&
        !(*options.figure.yMin < *options.figure.yMax)) {
        throw InputError("--y-min: " + core::formatNumber(*options.figure.yMin) +
                         " is not below --y-max " + core::formatNumber(*options.figure.yMax) +
                         "; expected --y-min < --y-max");
    }
    for (const auto& [flag, end] :
         {std::pair{"--y-min", options.figure.yMin}, std::pair{"--y-max", options.figure.yMax}}) {
        if (end && !std::isfinite(*end)) {
            throw InputError(std::string(flag) + ": expected a finite number");
        }
        if (end && options.logY && *end <= 0.0) {
            throw InputError(std::string(flag) + ": " + core::formatNumber(*end) +
                             " cannot be drawn on a log axis (--log-y); expected a value above 0");
        }
    }
    // With --lr-find, --smoothing is the range test's own (lr-find's beta).
    if (const auto weight = args.has("--lr-find") ? std::nullopt : args.number("--smoothing")) {
        if (!(*weight >= 0.0 && *weight <= kMaxSmoothing)) {
            throw InputError("--smoothing: " + core::formatNumber(*weight) +
                             " is out of range; expected 0 (raw curves) to 0.999");
        }
        options.smoothing = *weight;
    }
    return options;
}

// A session's curves view, as the window showed it: what the figure flags do not set.
void takeViewState(const core::Session& session, const Arguments& args, FigureOptions& options) {
    const auto view = session.views.find("curves");
    if (view == session.views.end()) {
        return;
    }
    const nlohmann::json& state = view->second;
    const auto text = [&state](const char* key) -> std::optional<std::string> {
        const auto it = state.find(key);
        return it != state.end() && it->is_string() ? std::optional(it->get<std::string>())
                                                    : std::nullopt;
    };
    try {
        if (const auto metric = text("metric"); metric && !args.has("--metric")) {
            options.metric = parseMetric(*metric);
        }
        if (const auto series = text("series"); series && !args.has("--series")) {
            options.series = parseSeries(*series);
        }
    } catch (const InputError&) {
        // A view state this lrscope does not know: the figure keeps its defaults there.
    }
    if (const auto logY = state.find("log_y");
        logY != state.end() && logY->is_boolean() && !args.has("--log-y")) {
        options.logY = logY->get<bool>();
    }
    if (const auto weight = state.find("smoothing");
        weight != state.end() && weight->is_number() && !args.has("--smoothing")) {
        options.smoothing = std::clamp(weight->get<double>(), 0.0, kMaxSmoothing);
    }
}

// The --import files (repeatable, so they are taken out before the other flags are parsed),
// in the order given.
std::vector<std::string> takeImports(std::vector<std::string>& args) {
    std::vector<std::string> files;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--import") {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
                throw InputError("--import: missing value; expected a file to import");
            }
            files.push_back(args[++i]);
        } else if (args[i].rfind("--import=", 0) == 0) {
            files.push_back(args[i].substr(9));
        } else {
            rest.push_back(args[i]);
        }
    }
    for (const std::string& file : files) {
        if (file.empty()) {
            throw InputError(
                "--import: empty file name; expected a TensorBoard CSV or JSON "
                "download, a CSV log or a runs CSV");
        }
    }
    args = std::move(rest);
    return files;
}

core::CsvSeriesColumns importColumns(const Arguments& args, bool anyImport) {
    core::CsvSeriesColumns columns;
    for (const char* flag : {"--x-column", "--y-column"}) {
        if (args.has(flag) && !anyImport) {
            throw InputError(std::string(flag) + ": only applies to --import files");
        }
    }
    if (const auto x = args.value("--x-column")) {
        if (x->empty()) {
            throw InputError("--x-column: empty; expected a column name or 0-based index");
        }
        columns.x = *x;
    }
    if (const auto y = args.value("--y-column")) {
        columns.y = splitList(*y, "--y-column");
        if (columns.y.empty()) {
            throw InputError("--y-column: empty; expected column names or 0-based indices");
        }
    }
    return columns;
}

// Trains every (optimizer, rate) pair on a pool, all on the same prepared data.
std::vector<PlotRun> trainRuns(const Arguments& args) {
    const unsigned threads = threadsFromArguments(args);
    const auto configs = batchConfigsFromArguments(args);
    if (configs.size() > 100) {
        throw InputError("--lr/--optimizer: " + std::to_string(configs.size()) +
                         " runs; a plot takes at most 100");
    }
    const core::DataSplit data = core::prepareData(configs.front().data, configs.front().seed);
    auto results = trainBatch(configs, data, threads);
    std::vector<PlotRun> runs;
    for (size_t i = 0; i < configs.size(); ++i) {
        runs.push_back(PlotRun{ui::defaultRunName(configs[i]).toStdString(), configs[i],
                               configs[i].epochs, std::move(results[i].history),
                               results[i].divergedAt});
    }
    return runs;
}

// Reads a runs CSV (core::longCsvHeader) back into runs, in order of first appearance.
std::vector<PlotRun> readRuns(const std::string& path) {
    std::vector<PlotRun> runs;
    for (core::NamedHistory& named : core::readLongCsvFile(path)) {
        PlotRun run;
        run.name = named.name.empty() ? "run " + std::to_string(named.run) : named.name;
        run.plannedEpochs = named.history.back().epoch;
        run.history = std::move(named.history);
        run.divergedAt = named.divergedAt;  // empty in files written before status existed
        runs.push_back(std::move(run));
    }
    return runs;
}

ui::Run storeRun(const PlotRun& from) {
    ui::Run run;
    run.name = QString::fromStdString(from.name);
    if (from.config) {
        run.config = *from.config;
    }
    run.config.epochs = from.plannedEpochs;
    run.divergedAt = from.divergedAt;
    run.state = from.divergedAt ? ui::RunState::Diverged : ui::RunState::Done;
    run.history = from.history;
    return run;
}

void render(std::vector<ui::Run> runs, const FigureOptions& options) {
    const auto app = ensureApplication();
    ui::RunStore store;
    // With --both the loss plot sits above the plot of --metric, which has no legend (the
    // window's second plot); the y-axis flags belong to the upper plot.
    ui::RunPlot plot(store, options.both ? ui::PlotMetric::Loss : options.metric);
    plot.resize(options.size.width, options.size.height);
    plot.setSeries(options.series);
    plot.setLogY(options.logY);
    plot.setSmoothing(options.smoothing);
    std::unique_ptr<ui::RunPlot> lower;
    if (options.both) {
        lower = std::make_unique<ui::RunPlot>(store, options.metric);
        lower->resize(options.size.width, options.size.height / 2);
        lower->setSeries(options.series);
        lower->setLegendShown(false);
        lower->setSmoothing(options.smoothing);
    }
    for (size_t i = 0; i < runs.size(); ++i) {
        ui::Run& run = runs[i];
        run.id = static_cast<core::RunId>(i + 1);
        for (auto& record : run.history) {
            record.runId = run.id;
        }
        store.addFinishedRun(std::move(run));
    }
    ui::PlotStack stack{&plot};
    if (lower) {
        stack.push_back(lower.get());
    }
    const QString error =
        ui::exportFigure(stack, QString::fromStdString(options.out), options.size, options.figure);
    if (!error.isEmpty()) {
        throw InputError("--out: " + error.toStdString());
    }
}

}  // namespace

std::string plotHelp() {
    return "usage: lrscope-cli plot --out FILE.png|pdf|svg [FIGURE FLAGS] [RUN FLAGS]\n"
           "       lrscope-cli plot --runs RUNS.csv --out FILE [FIGURE FLAGS]\n"
           "       lrscope-cli plot --session S.lrscope --out FILE [FIGURE FLAGS]\n"
           "       lrscope-cli plot --boundary --out FILE [--width N --height N --scale S] "
           "[RUN FLAGS]\n"
           "\n"
           "Trains runs (or reads them from a runs CSV or a session) and draws the window's plot\n"
           "without a display; --import lays curves from other tools beside them.\n"
           "--optimizer and --lr take comma-separated lists; every optimizer runs at\n"
           "every rate, e.g. the 'too low / just right / too high' figure:\n"
           "  lrscope-cli plot --dataset moons --lr 1e-3,0.1,10 --out rates.png\n"
           "--lr-range MIN:MAX:N gives N log-spaced rates instead of a list.\n"
           "\n"
           "       lrscope-cli plot --lr-find --out FILE [FIGURE FLAGS] [LR-FIND FLAGS]\n"
           "Runs the learning-rate range test with the flags of lr-find (see lrscope-cli lr-find\n"
           "--help: every run flag but --lr, --schedule, --warmup and --epochs, plus --start-lr,\n"
           "--end-lr, --iterations, --smoothing, --stop-factor and --summary FILE.json) and draws\n"
           "the smoothed loss against the rate (raw loss faint) with the valley, steep and\n"
           "minimum suggestions marked, as the window's range test view draws it.\n"
           "\n"
           "       lrscope-cli plot --sweep --out FILE [--sweep-y Y] [FIGURE FLAGS] [SWEEP FLAGS]\n"
           "       lrscope-cli plot --sweep --runs SWEEP.csv --out FILE [--sweep-y Y]\n"
           "Trains a sweep (sweep's flags: --optimizer A,B --lr-range MIN:MAX:N ...) or reads\n"
           "one (sweep --out) and draws its U-curve: Y against the rate, one line per optimizer,\n"
           "the best rate of each starred, diverged runs as crosses at the top with their epoch.\n"
           "  --sweep-y Y       final-train-loss (default), final-test-loss, best-test-loss or\n"
           "                    final-error (final test error %); --log-y is the window's\n"
           "                    default for the U-curve (losses span decades)\n"
           "\n"
           "Figure flags:\n"
           "  --out FILE        the figure; the suffix picks PNG, PDF or SVG (required)\n"
           "  --width N         width in pixels (PDF: points), default 1200\n"
           "  --height N        height in pixels (PDF: points), default 700\n"
           "  --scale S         PNG pixels per figure pixel (e.g. 2 for high DPI), default 1\n"
           "  --metric M        loss (default), error, success, grad-norm or step-size\n"
           "  --series S        both (default: train solid, test dashed), train or test\n"
           "  --log-y           logarithmic y axis\n"
           "  --title TEXT      a title above the plot\n"
           "  --key             a key above the plot: solid line = train, dashed = test\n"
           "  --y-min Y         fix the bottom of the y axis (default: fitted to the data)\n"
           "  --y-max Y         fix the top of the y axis; higher curves are marked clipped\n"
           "  --both            two plots in one figure: the loss above the plot of --metric\n"
           "                    (default success); --log-y, --y-min and --y-max apply to the\n"
           "                    loss plot, the legend sits by it\n"
           "  --runs FILE       draw the runs of a runs CSV (sweep --out, or the window's\n"
           "                    Export runs) instead of training\n"
           "  --session FILE    draw the runs and imported curves of a session (.lrscope)\n"
           "                    instead of training, with its loss plot's metric, series,\n"
           "                    log y and smoothing unless the flags above say otherwise\n"
           "  --import FILE     lay the curves of another tool's file beside the runs:\n"
           "                    TensorBoard CSV or JSON download, a CSV log with a step\n"
           "                    column, or a runs CSV; marked (imported); repeatable\n"
           "  --x-column C      the steps column of the --import CSVs (name or 0-based\n"
           "                    index), default the first step, iteration or epoch column\n"
           "  --y-column C,...  their value columns, default every other numeric column\n"
           "  --smoothing W     TensorBoard's smoothing, 0 (default, raw) to 0.999; the\n"
           "                    raw curves stay faint behind (with --lr-find: lr-find's own)\n"
           "  --threads N       training threads, default one per core\n"
           "  --boundary        train one run (one optimizer, one rate) and draw what its final\n"
           "                    weights predict over the data: the decision boundary of a\n"
           "                    2-input classifier (train points filled, test hollow) or the\n"
           "                    fitted curve of a 1-input regression, e.g.\n"
           "                      lrscope-cli plot --boundary --dataset spiral --lr 0.03 \\\n"
           "                        --epochs 300 --out spiral.png\n"
           "\n" +
           runFlagsHelp();
}

int runPlotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        for (const std::string& arg : args) {
            if (arg == "--help" || arg == "-h") {
                out << plotHelp();
                return kExitOk;
            }
        }
        std::vector<std::string> flagArgs = args;
        const std::vector<std::string> imports = takeImports(flagArgs);
        auto valueFlags = runValueFlags();
        valueFlags.insert(valueFlags.end(),
                          {"--out", "--width", "--height", "--scale", "--metric", "--series",
                           "--runs", "--session", "--smoothing", "--x-column", "--y-column",
                           "--threads", "--lr-range", "--title", "--y-min", "--y-max"});
        const auto figureFlags = figureValueFlags();
        valueFlags.insert(valueFlags.end(), figureFlags.begin(), figureFlags.end());
        auto switches = runSwitches();
        switches.insert(switches.end(), {"--log-y", "--key", "--both", "--boundary"});
        const auto figureKinds = figureSwitches();
        switches.insert(switches.end(), figureKinds.begin(), figureKinds.end());
        const Arguments arguments(flagArgs, valueFlags, switches, "plot");
        FigureOptions options = figureOptions(arguments);
        const core::CsvSeriesColumns columns = importColumns(arguments, !imports.empty());
        checkWritableDestination(options.out, "--out");
        for (const char* kind : {"--boundary", "--lr-find", "--sweep"}) {
            if (arguments.has(kind) && (!imports.empty() || arguments.has("--session"))) {
                throw InputError(std::string(kind) + " and " +
                                 (imports.empty() ? "--session" : "--import") +
                                 " contradict each other; sessions and imported curves are "
                                 "drawn by the loss-curve plot");
            }
        }
        if (arguments.has("--boundary")) {
            const auto app = ensureApplication();
            out << plotBoundary(arguments, options.out, options.size);
            return kExitOk;
        }
        if (const auto line = plotSpecialFigure(arguments, options.out, options.size)) {
            out << *line << '\n';
            return kExitOk;
        }
        std::vector<ui::Run> runs;
        const auto runsFile = arguments.value("--runs");
        const auto sessionFile = arguments.value("--session");
        if (runsFile || sessionFile) {
            for (const std::string& flag : runValueFlags()) {
                if (arguments.has(flag)) {
                    throw InputError(std::string(runsFile ? "--runs" : "--session") + " and " +
                                     flag +
                                     " contradict each other; runs read from a file are not "
                                     "trained");
                }
            }
        }
        if (sessionFile) {
            const core::Session session = core::readSessionFile(*sessionFile);
            takeViewState(session, arguments, options);
            for (ui::Run& run : ui::runsOfSession(session)) {
                runs.push_back(std::move(run));
            }
        }
        if (runsFile) {
            for (const PlotRun& run : readRuns(*runsFile)) {
                runs.push_back(storeRun(run));
            }
        }
        if (!runsFile && !sessionFile) {
            for (const PlotRun& run : trainRuns(arguments)) {
                runs.push_back(storeRun(run));
            }
        }
        for (const std::string& file : imports) {
            const QString source = QString::fromStdString(file);
            for (ui::Run& run : ui::importedRuns(core::readImportedFile(file, columns), source)) {
                runs.push_back(std::move(run));
            }
        }
        const size_t count = runs.size();
        render(std::move(runs), options);
        out << "wrote " << options.out << " (" << count << (count == 1 ? " run)\n" : " runs)\n");
        return kExitOk;
    } catch (const InputError& e) {
        err << "lrscope-cli: " << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        err << "lrscope-cli: internal error: " << e.what() << '\n';
        return kExitInternalError;
    }
}

}  // namespace lrscope::cli

#endif  // LRSCOPE_WITH_PLOT
