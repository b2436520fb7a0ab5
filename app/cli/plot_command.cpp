// Compiled only with the GUI libraries (LRSCOPE_WITH_PLOT): it renders with lrscope_ui.
#ifdef LRSCOPE_WITH_PLOT

#include "app/cli/plot_command.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include <QApplication>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/plot_boundary.hpp"
#include "app/cli/run_batch.hpp"
#include "app/cli/run_options.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/training/trainer.hpp"
#include "ui/export/plot_export.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_store.hpp"
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
};

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
    return options;
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

// Qt's notes about the environment (e.g. XDG_RUNTIME_DIR) are not the user's concern on a
// command line; only fatal messages get through.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "lrscope-cli: %s\n", qPrintable(message));
    }
}

// QCustomPlot draws through QWidget machinery, so a QApplication must exist.
std::unique_ptr<QApplication> ensureApplication() {
    if (QCoreApplication::instance() != nullptr) {
        return nullptr;
    }
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qInstallMessageHandler(quietQtMessages);
    static int argc = 1;
    static char name[] = "lrscope-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

void render(const std::vector<PlotRun>& runs, const FigureOptions& options) {
    const auto app = ensureApplication();
    ui::RunStore store;
    ui::RunPlot plot(store, options.metric);
    plot.resize(options.size.width, options.size.height);
    plot.setSeries(options.series);
    plot.setLogY(options.logY);
    for (size_t i = 0; i < runs.size(); ++i) {
        ui::Run run;
        run.id = static_cast<core::RunId>(i + 1);
        run.name = QString::fromStdString(runs[i].name);
        if (runs[i].config) {
            run.config = *runs[i].config;
        }
        run.config.epochs = runs[i].plannedEpochs;
        run.divergedAt = runs[i].divergedAt;
        run.state = runs[i].divergedAt ? ui::RunState::Diverged : ui::RunState::Done;
        run.history = runs[i].history;
        for (auto& record : run.history) {
            record.runId = run.id;
        }
        store.addFinishedRun(std::move(run));
    }
    const QString error = ui::exportFigure(plot, QString::fromStdString(options.out), options.size);
    if (!error.isEmpty()) {
        throw InputError("--out: " + error.toStdString());
    }
}

}  // namespace

std::string plotHelp() {
    return "usage: lrscope-cli plot --out FILE.png|pdf|svg [FIGURE FLAGS] [RUN FLAGS]\n"
           "       lrscope-cli plot --runs RUNS.csv --out FILE [FIGURE FLAGS]\n"
           "       lrscope-cli plot --boundary --out FILE [--width N --height N --scale S] "
           "[RUN FLAGS]\n"
           "\n"
           "Trains runs (or reads them from a runs CSV) and draws the window's plot without a\n"
           "display. --optimizer and --lr take comma-separated lists; every optimizer runs at\n"
           "every rate, e.g. the 'too low / just right / too high' figure:\n"
           "  lrscope-cli plot --dataset moons --lr 1e-3,0.1,10 --out rates.png\n"
           "--lr-range MIN:MAX:N gives N log-spaced rates instead of a list.\n"
           "\n"
           "Figure flags:\n"
           "  --out FILE        the figure; the suffix picks PNG, PDF or SVG (required)\n"
           "  --width N         width in pixels (PDF: points), default 1200\n"
           "  --height N        height in pixels (PDF: points), default 700\n"
           "  --scale S         PNG pixels per figure pixel (e.g. 2 for high DPI), default 1\n"
           "  --metric M        loss (default), error, success, grad-norm or step-size\n"
           "  --series S        both (default: train solid, test dashed), train or test\n"
           "  --log-y           logarithmic y axis\n"
           "  --runs FILE       draw the runs of a runs CSV (sweep --out, or the window's\n"
           "                    Export runs) instead of training\n"
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
        auto valueFlags = runValueFlags();
        valueFlags.insert(valueFlags.end(), {"--out", "--width", "--height", "--scale", "--metric",
                                             "--series", "--runs", "--threads", "--lr-range"});
        auto switches = runSwitches();
        switches.push_back("--log-y");
        switches.push_back("--boundary");
        const Arguments arguments(args, valueFlags, switches, "plot");
        const FigureOptions options = figureOptions(arguments);
        checkWritableDestination(options.out, "--out");
        if (arguments.has("--boundary")) {
            const auto app = ensureApplication();
            out << plotBoundary(arguments, options.out, options.size);
            return kExitOk;
        }
        std::vector<PlotRun> runs;
        if (const auto runsFile = arguments.value("--runs")) {
            for (const std::string& flag : runValueFlags()) {
                if (arguments.has(flag)) {
                    throw InputError("--runs and " + flag +
                                     " contradict each other; runs read from a file are not "
                                     "trained");
                }
            }
            runs = readRuns(*runsFile);
        } else {
            runs = trainRuns(arguments);
        }
        render(runs, options);
        out << "wrote " << options.out << " (" << runs.size()
            << (runs.size() == 1 ? " run)\n" : " runs)\n");
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
