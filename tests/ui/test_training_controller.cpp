// The controller: records cross to the GUI thread intact; pause, resume, step, stop, live
// learning-rate changes, removal of a training run, the queue and shutdown.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>
#include <QVersionNumber>
#include <cmath>

#include <QAction>
#include "test_support.hpp"
#include "ui/commands/continue_run_command.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/training_controller.hpp"

using namespace lrscope;
using ui::TrainingController;

namespace {

using Records = std::vector<core::EpochRecord>;

// Collects what the controller emits for one run.
struct Recorder {
    explicit Recorder(TrainingController& controller) {
        QObject::connect(&controller, &TrainingController::recordsArrived,
                         [this](core::RunId id, const Records& batch) {
                             for (const auto& record : batch) {
                                 records[id].push_back(record);
                             }
                         });
    }
    std::map<core::RunId, Records> records;
    size_t count(core::RunId id) const {
        const auto it = records.find(id);
        return it == records.end() ? 0 : it->second.size();
    }
};

// Epochs 0, 1, 2, ... in order, with nothing missing or repeated.
bool contiguous(const Records& records) {
    for (size_t i = 0; i < records.size(); ++i) {
        if (records[i].epoch != static_cast<int>(i)) {
            return false;
        }
    }
    return true;
}

core::RunConfig longConfig() {
    return test::smallConfig(core::kMaxEpochs);
}

// How the kernel schedules one thread, from /proc/self/task/TID/sched.
struct Scheduling {
    int prio = -1;        // 120 + nice
    long long slice = 0;  // se.slice in ns (EEVDF kernels only)
};

std::map<QString, Scheduling> threadScheduling() {
    std::map<QString, Scheduling> threads;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(tid + QStringLiteral("/sched")));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;  // the thread has ended
        }
        Scheduling scheduling;
        for (const QByteArray& line : file.readAll().split('\n')) {
            const QList<QByteArray> parts = line.split(':');
            if (parts.size() != 2) {
                continue;
            }
            const QByteArray key = parts[0].trimmed();
            if (key == "prio") {
                scheduling.prio = parts[1].trimmed().toInt();
            } else if (key == "se.slice") {
                scheduling.slice = parts[1].trimmed().toLongLong();
            }
        }
        threads[tid] = scheduling;
    }
    return threads;
}

// Linux takes a time slice from sched_setattr for ordinary threads since 6.12.
bool kernelTakesSlices() {
    const QVersionNumber kernel = QVersionNumber::fromString(QSysInfo::kernelVersion());
    return kernel >= QVersionNumber(6, 12);
}

}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void trainingThreadsTogetherWeighNoMoreThanFour() {
        QCOMPARE(ui::trainingNiceness(1), 10);
        QCOMPARE(ui::trainingNiceness(4), 10);
        // Linux's weights (kernel/sched/core.c): nice 10 weighs 110, and every step 1.25x less.
        const auto weight = [](int nice) { return 1024.0 / std::pow(1.25, nice); };
        for (const unsigned threads : {5U, 8U, 16U, 24U}) {
            const int nice = ui::trainingNiceness(threads);
            QVERIFY(nice > 10 && nice <= 19);
            QVERIFY2(threads * weight(nice) <= 4 * weight(10) * 1.0001,
                     qPrintable(QString::number(threads)));
            QVERIFY2(threads * weight(nice - 1) > 4 * weight(10), "no nicer than needed");
        }
        QCOMPARE(ui::trainingNiceness(32), 19);  // as nice as Linux allows
        QCOMPARE(ui::trainingNiceness(1000), 19);
    }

    void trainingThreadsAreNicerAndAskForALongerSlice() {
        // So that any thread of the window that wakes takes a core from them at once.
        TrainingController controller(2);
        const auto gui = threadScheduling()[QString::number(gettid())];
        Recorder recorder(controller);
        const core::RunId a = controller.start(longConfig());
        const core::RunId b = controller.start(longConfig());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(a) >= 1 && recorder.count(b) >= 1, 5000);
        int training = 0;
        for (const auto& [tid, scheduling] : threadScheduling()) {
            const bool sliced = !kernelTakesSlices() ||
                                scheduling.slice == static_cast<long long>(ui::kTrainingSliceNs);
            training += scheduling.prio == 120 + ui::trainingNiceness(2) && sliced ? 1 : 0;
        }
        QCOMPARE(training, 2);
        const auto guiAfter = threadScheduling()[QString::number(gettid())];
        QCOMPARE(guiAfter.prio, gui.prio);  // the GUI thread keeps its own
        QCOMPARE(guiAfter.slice, gui.slice);
        QVERIFY(guiAfter.slice < static_cast<long long>(ui::kTrainingSliceNs));
        controller.stopAll();
    }

    void aContinuedRunEqualsOneLongerRunBitForBit() {
        // Adam's moments and step count and the shuffle order carry over: a 5-epoch run
        // continued for 7 more is the 12-epoch run, record for record and in its weights.
        core::RunConfig config = test::smallConfig(12);
        config.optimizer = core::defaultsFor(core::OptimizerKind::Adam);
        config.optimizer.lr = 0.01;
        core::RunConfig shorter = config;
        shorter.epochs = 5;
        TrainingController controller(2);
        ui::RunStore store;
        store.follow(controller);
        ui::RunSelection selection(store);
        ui::ContinueRunCommand command(store, controller, selection, nullptr);
        command.setAskEpochs([](const ui::Run&) { return std::optional<int>(7); });
        const core::RunId id = controller.start(shorter);
        QTRY_VERIFY_WITH_TIMEOUT(store.run(id)->state == ui::RunState::Done, 10000);
        selection.select({id});
        QVERIFY2(command.action()->isEnabled(), qPrintable(command.action()->toolTip()));
        command.action()->trigger();
        QVERIFY(!isFinished(store.run(id)->state));  // queued again at once
        QVERIFY(!command.action()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(store.run(id)->state == ui::RunState::Done, 10000);

        const ui::Run& run = *store.run(id);
        QCOMPARE(run.config.epochs, 12);
        const Records expected = test::coreRecords(id, config);
        QCOMPARE(run.history.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(test::sameRecord(run.history[i], expected[i]), qPrintable(QString::number(i)));
        }
        struct Quiet : core::TrainingObserver {};
        Quiet quiet;
        core::RunControl control;
        const core::RunResult longer = core::train(id, config, control, quiet);
        QVERIFY(run.finalWeights.has_value());
        for (size_t l = 0; l < longer.finalWeights.layers.size(); ++l) {
            QVERIFY(run.finalWeights->layers[l].weight == longer.finalWeights.layers[l].weight);
            QVERIFY(run.finalWeights->layers[l].bias == longer.finalWeights.layers[l].bias);
        }
        QVERIFY(command.action()->isEnabled());  // and it may go on again
    }

    void aRunDeletedAndBroughtBackByUndoContinues() {
        // Delete takes the run from the controller and the store; Undo puts it back in the
        // store only. It keeps its state, so Continue is offered and must work.
        const core::RunConfig config = test::smallConfig(9);
        core::RunConfig shorter = config;
        shorter.epochs = 4;
        TrainingController controller(1);
        ui::RunStore store;
        store.follow(controller);
        ui::RunSelection selection(store);
        ui::ContinueRunCommand command(store, controller, selection, nullptr);
        const core::RunId id = controller.start(shorter);
        QTRY_VERIFY_WITH_TIMEOUT(store.run(id)->state == ui::RunState::Done, 10000);
        controller.remove(id);
        store.restore(store.take({id}));
        QVERIFY(ui::ContinueRunCommand::whyNot(store.run(id)).isEmpty());
        QVERIFY(command.continueRun(id, 5));
        QTRY_VERIFY_WITH_TIMEOUT(store.run(id)->state == ui::RunState::Done, 10000);
        const Records expected = test::coreRecords(id, config);
        QCOMPARE(store.run(id)->history.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(test::sameRecord(store.run(id)->history[i], expected[i]),
                     qPrintable(QString::number(i)));
        }
        // An id this controller never gave out is refused.
        QVERIFY(!controller.continueRun(id + 100, config, store.run(id)->resumeState));
    }

    void onlyRunsWithAStateCanContinue() {
        TrainingController controller(1);
        ui::RunStore store;
        store.follow(controller);
        ui::RunSelection selection(store);
        ui::ContinueRunCommand command(store, controller, selection, nullptr);
        ui::Run imported;  // read from a file: no optimizer state
        imported.id = 1;
        imported.name = QStringLiteral("from a CSV");
        imported.state = ui::RunState::Done;
        imported.history = test::coreRecords(1, test::smallConfig(3));
        store.addFinishedRun(imported);
        selection.select({1});
        QVERIFY(!command.action()->isEnabled());
        QVERIFY(command.action()->toolTip().contains(QStringLiteral("file")));
        QVERIFY(!command.continueRun(1, 5));
        QCOMPARE(store.run(1)->history.size(), size_t{4});
        QVERIFY(!ui::ContinueRunCommand::whyNot(nullptr).isEmpty());
    }

    void deliversExactlyTheRecordsCoreEmits() {
        const core::RunConfig config = test::smallConfig(25);
        TrainingController controller(2);
        QSignalSpy started(&controller, &TrainingController::runStarted);
        QSignalSpy finished(&controller, &TrainingController::runFinished);
        Recorder recorder(controller);
        const core::RunId id = controller.start(config);
        QCOMPARE(id, core::RunId{1});
        QVERIFY(finished.wait(10000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.first().at(0).value<core::RunId>(), id);
        const auto outcome = finished.first().at(1).value<ui::RunOutcome>();
        QVERIFY(outcome.status == core::RunStatus::Completed);

        const Records expected = test::coreRecords(id, config);
        const Records& got = recorder.records[id];
        QCOMPARE(got.size(), expected.size());
        QCOMPARE(got.size(), size_t{26});  // epoch 0 and 25 epochs
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(test::sameRecord(got[i], expected[i]), qPrintable(QString::number(i)));
        }
        QVERIFY(finished.last().at(1).value<ui::RunOutcome>().finalWeights.has_value());
        QVERIFY(!controller.isActive(id));
    }

    void pausesResumesStepsAndStops() {
        TrainingController controller(1);
        controller.setMaxEpochsPerSecond(100);
        QSignalSpy finished(&controller, &TrainingController::runFinished);
        Recorder recorder(controller);
        const core::RunId id = controller.start(longConfig());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(id) >= 3, 5000);

        controller.pause(id);
        QVERIFY(controller.isPaused(id));
        QVERIFY(test::drainOnceHeld(controller, id));  // the trainer blocks: nothing moves
        const size_t held = recorder.count(id);
        QVERIFY(contiguous(recorder.records[id]));

        controller.step(id);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(id), held + 1, 5000);
        QVERIFY(test::drainOnceHeld(controller, id));  // held again after the one epoch
        QCOMPARE(recorder.count(id), held + 1);        // exactly one epoch
        QCOMPARE(recorder.records[id].back().epoch, static_cast<int>(held));

        controller.resume(id);
        QVERIFY(!controller.isPaused(id));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(id) >= held + 4, 5000);

        controller.stop(id);
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().at(1).value<ui::RunOutcome>().status == core::RunStatus::Stopped);
        QVERIFY(!controller.isActive(id));
        QVERIFY(finished.last().at(1).value<ui::RunOutcome>().finalWeights.has_value());
    }

    void stepWhileTrainingPausesAtTheEpochEnd() {
        TrainingController controller(1);
        controller.setMaxEpochsPerSecond(50);
        Recorder recorder(controller);
        const core::RunId id = controller.start(longConfig());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(id) >= 2, 5000);
        controller.step(id);
        QVERIFY(controller.isPaused(id));
        // The epoch in progress ends with a record, then the trainer blocks before the next.
        QVERIFY(test::drainOnceHeld(controller, id));
        const size_t held = recorder.count(id);
        QVERIFY(held >= 2);
        QVERIFY(contiguous(recorder.records[id]));
        QVERIFY(controller.isPaused(id));
        // A step from there trains exactly one whole epoch and holds again.
        controller.step(id);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(id), held + 1, 5000);
        QVERIFY(test::drainOnceHeld(controller, id));
        QCOMPARE(recorder.count(id), held + 1);
        controller.stop(id);
    }

    void recordsALiveLearningRateChangeAtTheRightEpoch() {
        TrainingController controller(1);
        controller.setMaxEpochsPerSecond(100);
        Recorder recorder(controller);
        const core::RunId id = controller.start(longConfig());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(id) >= 3, 5000);
        controller.pause(id);
        QVERIFY(test::drainOnceHeld(controller, id));
        const size_t held = recorder.count(id);
        const int lastEpoch = recorder.records[id].back().epoch;

        controller.setLearningRate(id, 0.05);
        controller.step(id);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(id), held + 1, 5000);
        const core::EpochRecord& changed = recorder.records[id].back();
        QCOMPARE(changed.epoch, lastEpoch + 1);
        QCOMPARE(changed.lrChangedTo, std::optional<double>(0.05));
        QCOMPARE(changed.lr, 0.05);
        for (size_t i = 0; i + 1 < recorder.records[id].size(); ++i) {
            QVERIFY(!recorder.records[id][i].lrChangedTo.has_value());
            QCOMPARE(recorder.records[id][i].lr, 0.1);
        }
        controller.step(id);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(id), held + 2, 5000);
        QVERIFY(!recorder.records[id].back().lrChangedTo.has_value());  // recorded once
        QCOMPARE(recorder.records[id].back().lr, 0.05);                 // and kept
        controller.stop(id);
    }

    void removingATrainingRunDropsItsLateRecords() {
        TrainingController controller(2);
        QSignalSpy finished(&controller, &TrainingController::runFinished);
        Recorder recorder(controller);
        const core::RunId doomed = controller.start(longConfig());
        const core::RunId other = controller.start(test::smallConfig(40));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(doomed) >= 2, 5000);
        controller.remove(doomed);
        QVERIFY(!controller.contains(doomed));
        const size_t frozen = recorder.count(doomed);
        // The other run carries on to its end (it may have finished already).
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        // Both trainers have returned, so everything the doomed one made is in its buffer.
        QVERIFY(test::drainOnceIdle(controller));
        QCOMPARE(recorder.count(doomed), frozen);
        for (const auto& args : finished) {
            QCOMPARE(args.at(0).value<core::RunId>(), other);
        }
        QCOMPARE(recorder.count(other), size_t{41});
    }

    void runsBeyondTheThreadsWaitInTheQueue() {
        TrainingController controller(1);
        controller.setMaxEpochsPerSecond(100);
        QSignalSpy started(&controller, &TrainingController::runStarted);
        const core::RunId first = controller.start(longConfig());
        const core::RunId second = controller.start(longConfig());
        QVERIFY(started.wait(5000));
        QCOMPARE(started.first().at(0).value<core::RunId>(), first);
        // The first run holds the only worker, blocked in its RunControl: the second cannot
        // have left the queue.
        controller.pause(first);
        QVERIFY(test::drainOnceHeld(controller, first));
        QCOMPARE(started.count(), 1);
        QCOMPARE(controller.queuedCount(), 1);
        QCOMPARE(controller.trainingCount(), 1);
        controller.stop(first);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 5000);
        QCOMPARE(started.last().at(0).value<core::RunId>(), second);
        controller.stopAll();
    }

    void aRunThatCannotStartReportsWhy() {
        core::RunConfig config = test::smallConfig();
        config.data.dataset.clear();
        config.data.csvPath = "/nonexistent/lrscope-missing.csv";
        TrainingController controller(1);
        QSignalSpy failed(&controller, &TrainingController::runFailed);
        controller.start(config);
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("lrscope-missing.csv")));
    }

    void aSettingThatFailsAtStartIsWordedByTheWindow() {
        // 10 samples with a test fraction of 1% leave no test sample: found when the data is
        // prepared, in the worker.
        core::RunConfig config = test::smallConfig();
        config.data.samples = 10;
        config.data.testFraction = 0.01;
        TrainingController controller(1);
        QSignalSpy failed(&controller, &TrainingController::runFailed);
        controller.start(config);
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.last().at(1).toString().startsWith(QStringLiteral("--test-fraction")),
                 qPrintable(failed.last().at(1).toString()));

        controller.setInputErrorText([](const core::InputError& error) {
            return QStringLiteral("Test fraction: %1 (%2)")
                .arg(QString::fromStdString(error.detail()), QString::fromStdString(error.key()));
        });
        controller.start(config);
        QVERIFY(failed.wait(5000));
        const QString message = failed.last().at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Test fraction: 0.01 leaves no test samples")),
                 qPrintable(message));
        QVERIFY(message.endsWith(QStringLiteral("(test-fraction)")));
        QVERIFY(!message.contains(QStringLiteral("--")));
    }

    void destructionStopsRunningAndPausedRuns() {
        auto controller = std::make_unique<TrainingController>(2);
        // At one epoch a second a run left alone would train for eleven days: the destructor
        // joins the workers, so it returns (within ctest's timeout) only if it stopped them.
        controller->setMaxEpochsPerSecond(1);
        Recorder recorder(*controller);
        const core::RunId a = controller->start(longConfig());
        const core::RunId b = controller->start(longConfig());
        const core::RunId queued = controller->start(longConfig());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.count(a) >= 1 && recorder.count(b) >= 1, 5000);
        controller->pause(b);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isHeld(b), 10000);  // blocked until woken
        QVERIFY(controller->isActive(a) && !controller->isHeld(a));
        QCOMPARE(controller->queuedCount(), 1);
        QVERIFY(controller->isActive(queued));
        controller.reset();
        QCOMPARE(recorder.count(queued), size_t{0});  // discarded, never started
    }
};

QTEST_MAIN(TestTrainingController)  // QAction (Continue) needs a QGuiApplication
#include "test_training_controller.moc"
