#pragma once

// Shared helpers for the ui tests.

#include <memory>
#include <vector>

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include "core/training/run_config.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/preset_store.hpp"

namespace lrscope::test {

// The real window with a settings file of its own in `dir` (and its recovery autosave beside
// it) and two training threads; not shown yet.
inline std::unique_ptr<ui::MainWindow> windowIn(const QTemporaryDir& dir) {
    return std::make_unique<ui::MainWindow>(
        std::make_unique<ui::PresetStore>(dir.filePath(QStringLiteral("settings.ini"))), 2);
}

// The action `text` of the menu `menu` in `bar`, as the user reads them (without the "&" of
// their shortcuts); nullptr when there is none.
inline QAction* menuAction(QMenuBar* bar, const QString& menu, const QString& text) {
    for (QAction* top : bar->actions()) {
        if (top->menu() == nullptr || QString(top->text()).remove(QLatin1Char('&')) != menu) {
            continue;
        }
        for (QAction* action : top->menu()->actions()) {
            if (QString(action->text()).remove(QLatin1Char('&')) == text) {
                return action;
            }
        }
    }
    return nullptr;
}

// A small, quick classification run.
inline core::RunConfig smallConfig(int epochs = 20) {
    core::RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 120;
    config.hiddenLayers = {6};
    config.optimizer = core::defaultsFor(core::OptimizerKind::Sgd);
    config.optimizer.lr = 0.1;
    config.batchSize = 10;
    config.epochs = epochs;
    config.seed = 7;
    return config;
}

// What core::train emits when nobody steers it.
inline std::vector<core::EpochRecord> coreRecords(core::RunId id, const core::RunConfig& config) {
    struct Collect : core::TrainingObserver {
        std::vector<core::EpochRecord> records;
        void onEpoch(const core::EpochRecord& record) override { records.push_back(record); }
    } collect;
    core::RunControl control;
    core::train(id, config, control, collect);
    return collect.records;
}

// Streams a run into the store as the controller would: queued, its records, finished.
inline void streamRun(ui::RunStore& store, core::RunId id, const core::RunConfig& config,
                      const std::vector<core::EpochRecord>& records) {
    store.addQueuedRun(id, config);
    store.appendRecords(id, records);
    store.finishRun(id, ui::RunOutcome{core::RunStatus::Completed, std::nullopt, std::nullopt});
}

// A finished run of `config`, trained by core and put into the store.
inline void addTrainedRun(ui::RunStore& store, core::RunId id, const core::RunConfig& config) {
    streamRun(store, id, config, coreRecords(id, config));
}

// Waits (processing events) until the run's trainer blocks in its RunControl, then drains the
// buffers: afterwards every record the run made has been delivered, and it can make none until
// it is resumed, stepped or stopped. False when the run was not held within the time.
inline bool drainOnceHeld(ui::TrainingController& controller, core::RunId id,
                          int timeoutMs = 10000) {
    if (!QTest::qWaitFor([&] { return controller.isHeld(id); }, timeoutMs)) {
        return false;
    }
    controller.drain();
    return true;
}

// Waits (processing events) until every worker has returned, then drains the buffers: nothing
// a removed run made can arrive later.
inline bool drainOnceIdle(ui::TrainingController& controller, int timeoutMs = 10000) {
    if (!QTest::qWaitFor([&] { return controller.workersIdle(); }, timeoutMs)) {
        return false;
    }
    controller.drain();
    return true;
}

inline bool sameRecord(const core::EpochRecord& a, const core::EpochRecord& b) {
    return a.runId == b.runId && a.epoch == b.epoch && a.trainLoss == b.trainLoss &&
           a.trainError == b.trainError && a.testLoss == b.testLoss && a.testError == b.testError &&
           a.lr == b.lr && a.gradNorm == b.gradNorm && a.updateRatio == b.updateRatio &&
           a.stepSize == b.stepSize && a.lrChangedTo == b.lrChangedTo;
}

}  // namespace lrscope::test
