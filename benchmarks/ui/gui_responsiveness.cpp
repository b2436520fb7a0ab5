// GUI responsiveness while runs train, and replot cost with many long runs.
//
// 1. For N = 1, 4, 8 runs training at once (one worker per run), a 5 ms timer in the GUI
//    thread measures how late the event loop serves it: the worst and 99th-percentile delay
//    over a few seconds. Targets with 8 runs: worst < 50 ms, p99 < 16 ms.
// 2. The loss plot with 20 runs (or RUNS) x 10,000 epochs (train and test curves) at 1200 x 700:
//    mean and worst time of a replot that draws every curve (without and with the curve cache)
//    and of a live update (each run one epoch longer), and the mean CPU time of the GUI thread
//    per replot (which waiting for a loaded machine's CPU does not inflate). Target < 20 ms.
// 3. `gui_benchmark views [SECONDS [RUNS [shipped]]]`: case 1 with 8 runs (or RUNS) while the
//    decision boundary view (shown) and the network weights view (floating, shown) follow the
//    newest run; also how many boundary pictures per second reached the screen (target >= 10
//    on 200 x 200). With `shipped`, the window trains on its own number of threads (at least
//    4) and the runs have 2,000 epochs, so they finish and the waiting ones start.
// Not a timed test: it prints the figures. Runs offscreen unless QT_QPA_PLATFORM is set.
// Usage: gui_benchmark [SECONDS_PER_CASE | replot [PNG|- [RUNS]] | views [SECONDS [RUNS
// [shipped]]]]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include "core/nn/linalg.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/boundary/boundary_view.hpp"
#include "ui/views/curves/curve_cache.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/training_toolbar.hpp"

using namespace lrscope;

namespace {

using Clock = std::chrono::steady_clock;

struct Delays {
    double worstMs = 0.0;
    double p99Ms = 0.0;
    double epochsPerSecond = 0.0;
    size_t samples = 0;
    double boundaryPicturesPerSecond = 0.0;
};

// Shows the boundary view in its dock and floats the network view beside it, so both draw.
void showWeightViews(ui::MainWindow& window) {
    ui::bringViewForward(window.view(QStringLiteral("boundary"))->widget());
    QWidget* network = window.view(QStringLiteral("network"))->widget();
    if (auto* dock = qobject_cast<QDockWidget*>(network->parentWidget())) {
        dock->setFloating(true);
        dock->resize(600, 300);
        dock->show();
    }
}

// `runs` runs started at once, each on a training thread of its own, or with `asShipped` on
// the window's own number of threads (the rest wait their turn) and 2,000 epochs each, so
// finished runs pile up in the plots as in a sweep.
Delays measureEventLoop(int runs, int seconds, bool withViews = false, bool asShipped = false) {
    QTemporaryDir dir;
    ui::MainWindow window(
        std::make_unique<ui::PresetStore>(dir.filePath(QStringLiteral("bench.ini"))),
        asShipped ? 0U : static_cast<unsigned>(runs));
    window.show();
    window.toolBar().paceBox()->setCurrentIndex(0);  // as fast as possible
    core::RunConfig config = *window.panel().config();
    config.data.dataset = "spiral";  // the workload the README's figures were measured on
    config.optimizer.lr = 0.03;
    config.epochs = asShipped ? 2'000 : core::kMaxEpochs;
    window.panel().setConfig(config);
    for (int i = 0; i < runs; ++i) {
        window.commands().trainAction()->trigger();
    }
    auto* boundary = withViews
                         ? dynamic_cast<ui::BoundaryView*>(window.view(QStringLiteral("boundary")))
                         : nullptr;
    if (withViews) {
        showWeightViews(window);
    }
    QCoreApplication::processEvents();

    constexpr int kIntervalMs = 5;
    std::vector<double> delays;
    Clock::time_point last = Clock::now();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const Clock::time_point now = Clock::now();
        const double elapsed = std::chrono::duration<double, std::milli>(now - last).count();
        delays.push_back(std::max(0.0, elapsed - kIntervalMs));
        last = now;
    });
    // The window's own event loop, as in the application: it sleeps until an event comes
    // (processEvents with a time limit would poll without sleeping and keep a core busy).
    const auto runEventLoop = [](int ms, const std::function<void()>& every500Ms) {
        QEventLoop loop;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, every500Ms);
        sampler.start(500);
        QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
        loop.exec();
    };
    // Let the runs start and the plot fill for a moment before measuring.
    runEventLoop(500, [] {});
    last = Clock::now();
    probe.start();
    const long picturesAtStart = boundary != nullptr ? boundary->picturesShown() : 0;
    QElapsedTimer timer;
    timer.start();
    double rateSum = 0.0;
    int rateSamples = 0;
    runEventLoop(seconds * 1000, [&] {
        // Only while runs train: with `shipped` they may all finish before the time is up.
        if (window.controller().activeCount() > 0) {
            rateSum += window.controller().epochsPerSecond();
            ++rateSamples;
        }
    });
    probe.stop();
    const double measuredSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
    window.controller().stopAll();

    Delays result;
    result.samples = delays.size();
    if (!delays.empty()) {
        std::sort(delays.begin(), delays.end());
        result.worstMs = delays.back();
        result.p99Ms = delays[std::min(
            delays.size() - 1,
            static_cast<size_t>(std::ceil(0.99 * static_cast<double>(delays.size()))) - 1)];
    }
    result.epochsPerSecond = rateSamples > 0 ? rateSum / rateSamples : 0.0;
    if (boundary != nullptr) {
        result.boundaryPicturesPerSecond =
            static_cast<double>(boundary->picturesShown() - picturesAtStart) / measuredSeconds;
    }
    return result;
}

// Epoch e of a made-up run: a falling loss with wiggles, different for every run.
core::EpochRecord syntheticRecord(core::RunId id, int e, int run) {
    const double rate = 0.0005 * (run + 1);
    core::EpochRecord r;
    r.runId = id;
    r.epoch = e;
    const double wiggle = 0.02 * std::sin(e * 0.37 + run) + 0.01 * std::sin(e * 2.1);
    r.trainLoss = 0.7 * std::exp(-rate * e) + 0.05 + wiggle;
    r.testLoss = r.trainLoss + 0.03 + 0.5 * wiggle;
    r.trainError = 0.5 * std::exp(-rate * e);
    r.testError = *r.trainError + 0.02;
    r.lr = 0.01;
    return r;
}

std::vector<core::EpochRecord> syntheticHistory(core::RunId id, int epochs, int run) {
    std::vector<core::EpochRecord> records;
    records.reserve(static_cast<size_t>(epochs) + 1);
    for (int e = 0; e <= epochs; ++e) {
        records.push_back(syntheticRecord(id, e, run));
    }
    return records;
}

// Mean wall and GUI-thread CPU milliseconds of `rounds` calls of `replot`, and the worst.
struct ReplotTimes {
    double meanMs = 0.0;
    double worstMs = 0.0;
    double cpuMs = 0.0;
};

template <typename F>
ReplotTimes timeReplots(int rounds, F&& replot) {
    const auto threadCpuMs = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) * 1e-6;
    };
    ReplotTimes times;
    double total = 0.0;
    const double cpuStart = threadCpuMs();
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        replot(i);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        total += ms;
        times.worstMs = std::max(times.worstMs, ms);
    }
    times.cpuMs = (threadCpuMs() - cpuStart) / rounds;
    times.meanMs = total / rounds;
    return times;
}

void printReplot(const char* what, const ReplotTimes& t) {
    std::printf("  %-58s mean %5.1f ms, worst %5.1f ms, CPU %5.1f ms\n", what, t.meanMs, t.worstMs,
                t.cpuMs);
}

// The loss plot at 1200 x 700 with `runs` runs of 10,000 epochs (train and test curves), still
// training, so that they can grow.
void measureReplot(const char* pngPath, int runs = 20) {
    constexpr int kEpochs = 10'000;
    constexpr int kRounds = 30;
    ui::RunStore store;
    ui::RunPlot plot(store, ui::PlotMetric::Loss);
    plot.resize(1200, 700);
    plot.show();
    for (int r = 0; r < runs; ++r) {
        const auto id = static_cast<core::RunId>(r + 1);
        core::RunConfig config;
        config.epochs = 2 * kEpochs;
        store.addQueuedRun(id, config);
        store.appendRecords(id, syntheticHistory(id, kEpochs, r));
    }
    QCoreApplication::processEvents();
    plot.replotNow();  // warm caches
    std::printf("replot, %d runs x %d epochs (train + test curves, 1200x700; target < 20 ms):\n",
                runs, kEpochs);
    // What a zoom, a drag or a resize costs: every curve drawn again.
    plot.curveCache().setEnabled(false);
    printReplot("every curve drawn by QPainter (no cache)",
                timeReplots(kRounds, [&](int) { plot.replot(QCustomPlot::rpImmediateRefresh); }));
    plot.curveCache().setEnabled(true);
    const QCPRange y = plot.yAxis->range();
    printReplot("every curve drawn into the cache (the y range changes)",
                timeReplots(kRounds, [&](int i) {
                    plot.yAxis->setRange(y.lower, y.upper * (i % 2 == 0 ? 1.01 : 1.0));
                    plot.replot(QCustomPlot::rpImmediateRefresh);
                }));
    plot.yAxis->setRange(y);
    plot.replotNow();
    // A live update: each run one epoch longer.
    int epoch = kEpochs + 1;
    printReplot("each run one epoch longer (a live update)", timeReplots(kRounds, [&](int) {
                    for (int r = 0; r < runs; ++r) {
                        const auto id = static_cast<core::RunId>(r + 1);
                        store.appendRecords(id, {syntheticRecord(id, epoch, r)});
                    }
                    ++epoch;
                    plot.replotNow();
                }));
    if (pngPath != nullptr) {
        plot.grab().save(QString::fromLocal8Bit(pngPath));
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    core::useSingleThreadedBlas();
    // "gui_benchmark replot [PNG [RUNS]]" measures the replot alone (e.g. under a profiler),
    // with RUNS runs instead of 20, and can save the plot it measured, to look at ("-": not).
    if (argc > 1 && std::strcmp(argv[1], "replot") == 0) {
        const bool png = argc > 2 && std::strcmp(argv[2], "-") != 0;
        measureReplot(png ? argv[2] : nullptr, argc > 3 ? std::max(1, std::atoi(argv[3])) : 20);
        return 0;
    }
    if (argc > 1 && std::strcmp(argv[1], "views") == 0) {
        // Without and with the views, twice in turn, so both see the same machine load.
        const int seconds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 4;
        const int runs = argc > 3 ? std::clamp(std::atoi(argv[3]), 1, 64) : 8;
        const bool shipped = argc > 4 && std::strcmp(argv[4], "shipped") == 0;
        std::printf(
            "GUI event-loop delay, %d run(s) %s (spiral, 8,8 tanh, batch 10; %d s each; %u "
            "hardware threads)\n",
            runs,
            shipped ? "started, 2,000 epochs each, on the window's own threads"
                    : "training, a thread each",
            seconds, core::RunPool::defaultThreadCount());
        for (int round = 0; round < 2; ++round) {
            for (const bool views : {false, true}) {
                const Delays d = measureEventLoop(runs, seconds, views, shipped);
                std::printf("  %s: worst %.1f ms, p99 %.1f ms over %zu samples; %.0f epochs/s",
                            views ? "boundary + network views shown" : "no weight views     ",
                            d.worstMs, d.p99Ms, d.samples, d.epochsPerSecond);
                if (views) {
                    std::printf("; %.1f boundary pictures/s (200 x 200)",
                                d.boundaryPicturesPerSecond);
                }
                std::printf("\n");
            }
        }
        std::printf("  targets: worst < 50 ms, p99 < 16 ms, >= 10 boundary pictures per second\n");
        return 0;
    }
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 4;
    std::printf(
        "GUI event-loop delay while runs train (spiral, 8,8 tanh, batch 10; %d s each; "
        "%u hardware threads)\n",
        seconds, core::RunPool::defaultThreadCount());
    for (const int runs : {1, 4, 8}) {
        const Delays d = measureEventLoop(runs, seconds);
        std::printf(
            "  %d run(s): worst %.1f ms, p99 %.1f ms over %zu samples; %.0f epochs/s "
            "in total\n",
            runs, d.worstMs, d.p99Ms, d.samples, d.epochsPerSecond);
    }
    std::printf("  targets with 8 runs: worst < 50 ms, p99 < 16 ms\n");
    measureReplot(nullptr);
    return 0;
}
