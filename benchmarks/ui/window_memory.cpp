// Resident memory of finished runs held in the window.
//
// Builds the real MainWindow (offscreen unless QT_QPA_PLATFORM is set), shows it, and feeds it
// RUNS runs of EPOCHS epochs the way the TrainingController does: addQueuedRun, then records in
// drains of DRAIN epochs (about what the 30 Hz drain hands over at full speed), then finishRun.
// Every record has what a classification run with a test split reports (all fields set). After
// the runs are in, the window processes events so that its views draw them. Prints VmRSS and
// VmHWM (from /proc/self/status) before and after, the size of one EpochRecord and the bytes
// per held epoch. Target: 100 runs x 10,000 epochs under 150 MB RSS. With SMOOTHING (a weight
// above 0) both plots of the window (the curves and the second plot) smooth their curves, which
// then hold their smoothed values.
// Not a timed test: it prints the figures.
// Usage: window_memory [RUNS [EPOCHS [DRAIN [SMOOTHING]]]]   (defaults 100 10000 300 0)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <QApplication>
#include <QTemporaryDir>

#include "core/nn/linalg.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

namespace {

// A field of /proc/self/status in MB ("VmRSS", "VmHWM").
double statusMegabytes(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) {
            return std::atof(line.c_str() + field.size() + 1) / 1024.0;  // kB
        }
    }
    return 0.0;
}

core::EpochRecord record(core::RunId id, int epoch, int run) {
    core::EpochRecord r;
    r.runId = id;
    r.epoch = epoch;
    const double wiggle = 0.02 * std::sin(epoch * 0.37 + run) + 0.01 * std::sin(epoch * 2.1);
    r.trainLoss = 0.7 * std::exp(-0.0005 * (run + 1) * epoch) + 0.05 + wiggle;
    r.testLoss = r.trainLoss + 0.03 + 0.5 * wiggle;
    r.trainError = 0.5 * std::exp(-0.0005 * (run + 1) * epoch);
    r.testError = *r.trainError + 0.02;
    r.lr = 0.01;
    if (epoch > 0) {
        r.gradNorm = 0.1 + wiggle;
        r.updateRatio = 1e-3;
        r.stepSize = 0.01;
    }
    return r;
}

void report(const char* when) {
    std::printf("%-28s VmRSS %7.1f MB, VmHWM %7.1f MB\n", when, statusMegabytes("VmRSS"),
                statusMegabytes("VmHWM"));
}

}  // namespace

int main(int argc, char* argv[]) {
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
    const int epochs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10'000;
    const int drain = argc > 3 ? std::max(1, std::atoi(argv[3])) : 300;
    const double smoothing = argc > 4 ? std::atof(argv[4]) : 0.0;
    QApplication app(argc, argv);
    core::useSingleThreadedBlas();
    QTemporaryDir dir;
    ui::MainWindow window(
        std::make_unique<ui::PresetStore>(dir.filePath(QStringLiteral("bench.ini"))));
    window.resize(1280, 800);
    window.show();
    if (smoothing > 0.0) {
        for (const char* key : {"curves", "signals"}) {
            auto* view = dynamic_cast<ui::CurvesView*>(window.view(QString::fromLatin1(key)));
            if (view != nullptr) {
                view->plotView()->plot()->setSmoothing(smoothing);
            }
        }
    }
    QCoreApplication::processEvents();
    report("window shown, no runs:");
    const double before = statusMegabytes("VmRSS");

    ui::RunStore& store = window.store();
    core::RunConfig config = *window.panel().config();
    config.epochs = epochs;
    std::vector<core::EpochRecord> batch;
    for (int r = 0; r < runs; ++r) {
        const auto id = static_cast<core::RunId>(1000 + r);
        store.addQueuedRun(id, config);
        for (int first = 0; first <= epochs; first += drain) {
            batch.clear();
            for (int e = first; e <= std::min(epochs, first + drain - 1); ++e) {
                batch.push_back(record(id, e, r));
            }
            store.appendRecords(id, batch);
        }
        store.finishRun(id, ui::RunOutcome{});
        QCoreApplication::processEvents();
    }
    window.repaint();
    QCoreApplication::processEvents();
    char label[64];
    std::snprintf(label, sizeof label, "%d runs x %d epochs%s:", runs, epochs,
                  smoothing > 0.0 ? ", smoothed" : "");
    report(label);
    const double held = static_cast<double>(runs) * (epochs + 1);
    std::printf("sizeof(EpochRecord) %zu bytes; %.0f bytes per held epoch (RSS growth / epochs)\n",
                sizeof(core::EpochRecord), (statusMegabytes("VmRSS") - before) * 1048576.0 / held);
    std::printf("target: 100 runs x 10,000 epochs under 150 MB RSS\n");
    return 0;
}
