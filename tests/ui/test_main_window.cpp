// The window end to end: Train feeds the plots exactly the records the core emits; pause,
// resume, step and stop through the actions; a live learning-rate change becomes a marker;
// deleting a training run; a diverged run; invalid input disables Train with a reason.
#include <algorithm>

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/run_list/run_list_page.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

namespace {

std::vector<double> keys(const ui::CurveGraph* graph) {
    std::vector<double> out;
    for (const QCPGraphData& point : graph->points()) {
        out.push_back(point.key);
    }
    return out;
}

std::vector<double> values(const ui::CurveGraph* graph) {
    std::vector<double> out;
    for (const QCPGraphData& point : graph->points()) {
        out.push_back(point.value);
    }
    return out;
}

core::RunConfig divergingConfig() {
    core::RunConfig config = test::smallConfig(50);
    config.data.dataset = "sine";
    config.data.task = core::Task::Regress;
    config.loss = core::LossKind::Mse;
    config.optimizer.lr = 10.0;
    return config;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::MainWindow& window() { return *window_; }
    ui::RunCommands& commands() { return window_->commands(); }
    const ui::Run* run(core::RunId id) { return window_->store().run(id); }
    ui::RunPlot& plotOf(const char* key) {
        auto* view = dynamic_cast<ui::CurvesView*>(window_->view(QString::fromLatin1(key)));
        return *view->plotView()->plot();
    }
    ui::RunPlot& lossPlot() { return plotOf("curves"); }
    ui::RunPlot& secondPlot() { return plotOf("signals"); }
    ui::RunListView& runListView() {
        return *dynamic_cast<ui::RunListPage*>(window_->view(QStringLiteral("runs")))->list();
    }
    ui::RunListModel& runList() { return *runListView().model(); }
    int countIn(ui::RunState state) {
        int count = 0;
        for (const ui::Run& r : window_->store().runs()) {
            count += r.state == state ? 1 : 0;
        }
        return count;
    }
    core::RunId trainWith(const core::RunConfig& config) {
        const QString error = window().panel().setConfig(config);
        if (!error.isEmpty()) {
            qWarning() << error;
            return 0;
        }
        commands().trainAction()->trigger();
        return window().store().empty() ? 0 : window().store().runs().back().id;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        // Closing with unsaved runs asks to save them: these tests drop them (see
        // test_sessions for the question itself).
        window_->sessions().setAskToSave(
            [](const QString&) { return ui::SessionActions::SaveChoice::Discard; });
        window_->show();
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void trainFeedsThePlotExactlyTheCoreRecords() {
        const core::RunConfig config = test::smallConfig(30);
        QSignalSpy finished(&window().controller(), &ui::TrainingController::runFinished);
        const core::RunId id = trainWith(config);
        QVERIFY(id != 0);
        QCOMPARE(runList().rowCount(), 1);
        QVERIFY(finished.wait(10000));

        const auto expected = test::coreRecords(id, config);
        QCOMPARE(expected.size(), size_t{31});
        std::vector<double> epochs;
        std::vector<double> trainLoss;
        std::vector<double> testLoss;
        std::vector<double> testSuccess;
        for (const auto& record : expected) {
            epochs.push_back(record.epoch);
            trainLoss.push_back(record.trainLoss);
            testLoss.push_back(*record.testLoss);
            testSuccess.push_back((1.0 - *record.testError) * 100.0);
        }
        const ui::RunPlot& loss = lossPlot();
        QCOMPARE(keys(loss.trainGraph(id)), epochs);
        QCOMPARE(values(loss.trainGraph(id)), trainLoss);
        QCOMPARE(keys(loss.testGraph(id)), epochs);
        QCOMPARE(values(loss.testGraph(id)), testLoss);
        QCOMPARE(values(secondPlot().testGraph(id)), testSuccess);

        const ui::Run* entry = run(id);
        QVERIFY(entry != nullptr);
        QCOMPARE(entry->history.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY(test::sameRecord(entry->history[i], expected[i]));
        }
        QCOMPARE(entry->state, ui::RunState::Done);
        QCOMPARE(entry->name, QStringLiteral("SGD  lr=0.1"));

        // Switching the metric redraws from the run list's history (the plots keep no copy).
        std::vector<double> trainErrorPercent;
        for (const auto& record : expected) {
            trainErrorPercent.push_back(*record.trainError * 100.0);
        }
        lossPlot().setMetric(ui::PlotMetric::ErrorPercent);
        QCOMPARE(keys(lossPlot().trainGraph(id)), epochs);
        QCOMPARE(values(lossPlot().trainGraph(id)), trainErrorPercent);
    }

    void pauseResumeStepAndStopThroughTheActions() {
        window().controller().setMaxEpochsPerSecond(100);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        window().selection().selectOnly(id);
        QTRY_VERIFY_WITH_TIMEOUT(run(id)->history.size() >= 3, 5000);
        QVERIFY(commands().pauseAction()->isEnabled());

        commands().pauseAction()->trigger();
        QCOMPARE(run(id)->state, ui::RunState::Paused);
        QVERIFY(commands().pauseAction()->text().contains(QStringLiteral("Resume")));
        // The trainer blocks in its RunControl: once drained, nothing more can arrive.
        QVERIFY(test::drainOnceHeld(window().controller(), id));
        const size_t held = run(id)->history.size();
        QCOMPARE(run(id)->history.back().epoch, static_cast<int>(held) - 1);
        QCOMPARE(run(id)->state, ui::RunState::Paused);

        commands().stepAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(run(id)->history.size(), held + 1, 5000);
        QVERIFY(test::drainOnceHeld(window().controller(), id));  // held after one epoch
        QCOMPARE(run(id)->history.size(), held + 1);
        QCOMPARE(lossPlot().trainGraph(id)->pointCount(), static_cast<std::size_t>(held + 1));

        commands().pauseAction()->trigger();  // resume
        QCOMPARE(run(id)->state, ui::RunState::Training);
        QTRY_VERIFY_WITH_TIMEOUT(run(id)->history.size() >= held + 4, 5000);

        commands().stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(run(id)->state, ui::RunState::Stopped, 5000);
        QVERIFY(!commands().pauseAction()->isEnabled());
        QVERIFY(!commands().stopAllAction()->isEnabled());
    }

    void aLiveRateChangeIsRecordedAndMarked() {
        window().controller().setMaxEpochsPerSecond(100);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        window().selection().selectOnly(id);
        QTRY_VERIFY_WITH_TIMEOUT(run(id)->history.size() >= 2, 5000);
        commands().pauseAction()->trigger();
        QVERIFY(test::drainOnceHeld(window().controller(), id));
        const size_t held = run(id)->history.size();
        const int lastEpoch = run(id)->history.back().epoch;

        ui::LogSlider* slider = window().panel().learningRatePanel()->slider();
        slider->entry()->setText(QStringLiteral("0.05"));
        QTest::keyClick(slider->entry(), Qt::Key_Return);  // commits: live change
        commands().stepAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(run(id)->history.size(), held + 1, 5000);

        const core::EpochRecord& record = run(id)->history.back();
        QCOMPARE(record.epoch, lastEpoch + 1);
        QCOMPARE(record.lrChangedTo, std::optional<double>(0.05));
        const auto markers = lossPlot().lrMarkers(id);
        QCOMPARE(markers.size(), size_t{1});
        QCOMPARE(markers.front().first, lastEpoch + 1);
        QCOMPARE(markers.front().second, QStringLiteral("lr→0.05"));
        // The next run starts at the new rate too.
        QCOMPARE(window().panel().config()->optimizer.lr, 0.05);
        commands().stopAll();
    }

    void deletingATrainingRunRemovesItEverywhere() {
        QSignalSpy records(&window().controller(), &ui::TrainingController::recordsArrived);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        QVERIFY(records.wait(5000));
        window().selection().selectOnly(id);
        commands().deleteRuns(window().selection().selected());
        QCOMPARE(runList().rowCount(), 0);
        QVERIFY(!lossPlot().hasRun(id));
        QVERIFY(!secondPlot().hasRun(id));
        QVERIFY(!window().controller().contains(id));
        records.clear();
        // Its trainer has returned, so whatever it made after the delete is in its buffer.
        QVERIFY(test::drainOnceIdle(window().controller()));
        QCOMPARE(records.count(), 0);  // late records of the deleted run are dropped
        QCOMPARE(lossPlot().graphCount(), 0);
        QCOMPARE(secondPlot().graphCount(), 0);
    }

    void deletingSeveralSelectedRunsRemovesEachOfThem() {
        // The Delete button hands over the selection itself, which shrinks as each run goes:
        // the store once read the rest of it from freed memory and kept some of the runs.
        for (core::RunId id = 1; id <= 4; ++id) {
            test::addTrainedRun(window().store(), id, test::smallConfig(3));
        }
        window().selection().select({1, 2, 4}, 2);
        QPushButton* remove = nullptr;
        for (QPushButton* button : runListView().findChildren<QPushButton*>()) {
            remove = button->text() == QStringLiteral("Delete") ? button : remove;
        }
        QVERIFY(remove != nullptr && remove->isEnabled());
        remove->click();
        QCOMPARE(runList().rowCount(), 1);
        QCOMPARE(window().store().runs().front().id, core::RunId{3});
        QVERIFY(window().selection().selected().empty());
        commands().undo();
        QCOMPARE(runList().rowCount(), 4);
    }

    void aDivergedRunIsMarkedAndOthersCarryOn() {
        QSignalSpy finished(&window().controller(), &ui::TrainingController::runFinished);
        const core::RunId good = trainWith(test::smallConfig(40));
        const core::RunId bad = trainWith(divergingConfig());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        const ui::Run* diverged = run(bad);
        QCOMPARE(diverged->state, ui::RunState::Diverged);
        QVERIFY(diverged->divergedAt.has_value());
        QCOMPARE(run(good)->state, ui::RunState::Done);
        QCOMPARE(run(good)->history.size(), size_t{41});
        const QString legend = lossPlot().trainGraph(bad)->name();
        // The entry names the run and, since the two runs differ in data and loss, those.
        QCOMPARE(legend, QStringLiteral("SGD  lr=10  diverged @ epoch %1  · sine · mse")
                             .arg(*diverged->divergedAt));
        QCOMPARE(lossPlot().trainGraph(good)->name(),
                 QStringLiteral("SGD  lr=0.1  · moons · cross_entropy"));
        const QModelIndex status = runList().indexOf(bad, ui::RunListModel::Status);
        QVERIFY(status.data().toString().startsWith(QStringLiteral("diverged")));
    }

    void invalidInputDisablesTrainWithAReason() {
        QVERIFY(commands().trainAction()->isEnabled());
        ui::LogSlider* slider = window().panel().learningRatePanel()->slider();
        slider->entry()->setText(QStringLiteral("fast"));
        QVERIFY(!commands().trainAction()->isEnabled());
        QVERIFY(commands().trainAction()->toolTip().contains(QStringLiteral("Learning rate")));
        QVERIFY(commands().trainAction()->toolTip().contains(QStringLiteral("not a number")));
        QVERIFY(!slider->entry()->styleSheet().isEmpty());  // marked in place
        QCOMPARE(commands().train(), core::RunId{0});
        QCOMPARE(runList().rowCount(), 0);

        slider->entry()->setText(QStringLiteral("0.01"));
        QVERIFY(commands().trainAction()->isEnabled());
        QVERIFY(slider->entry()->styleSheet().isEmpty());

        auto* hidden = window().panel().networkPanel()->findChild<QLineEdit*>();
        QVERIFY(hidden != nullptr);
        hidden->setText(QStringLiteral("8,x"));
        QVERIFY(!commands().trainAction()->isEnabled());
        QVERIFY(commands().trainAction()->toolTip().contains(QStringLiteral("Hidden layers")));
        hidden->setText(QStringLiteral("8,8"));
        QVERIFY(commands().trainAction()->isEnabled());
    }

    void closingWhileRunsTrainStopsThemAll() {
        // At this pace a run left alone would train for hours: the window's destructor joins
        // the workers, so it returns (within ctest's timeout) only because close stopped them.
        window().controller().setMaxEpochsPerSecond(100);
        std::vector<core::RunId> ids;
        for (int i = 0; i < 3; ++i) {
            ids.push_back(trainWith(test::smallConfig(core::kMaxEpochs)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(countIn(ui::RunState::Training) == 2, 5000);
        QCOMPARE(countIn(ui::RunState::Queued), 1);
        int asked = 0;
        commands().setConfirm([&asked](const QString&, const QString&) {
            ++asked;
            return true;
        });
        for (const core::RunId id : ids) {
            QVERIFY(!window().controller().isStopRequested(id));
        }
        QVERIFY(window().close());
        QCOMPARE(asked, 1);
        for (const core::RunId id : ids) {
            QVERIFY2(window().controller().isStopRequested(id), qPrintable(QString::number(id)));
        }
        window_.reset();
    }

    void closingWithEightRunsTrainingDoesNotWaitForTheirEpochsToEnd() {
        // Epochs of 200,000 one-sample batches (250,000 samples, a fifth held out). The two
        // running trainers are held inside an epoch and let go just before the window closes:
        // they must leave within that epoch (no record after those they had), and the six
        // queued runs must not train (at most the record of their untrained weights).
        core::RunConfig config = test::smallConfig(core::kMaxEpochs);
        config.data.samples = 250'000;
        config.batchSize = 1;
        config.hiddenLayers = {32, 32};
        std::vector<core::RunId> ids;
        for (int i = 0; i < 8; ++i) {
            ids.push_back(trainWith(config));
            QVERIFY(ids.back() != 0);
        }
        const std::vector<core::RunId> running(ids.begin(), ids.begin() + 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(running.begin(), running.end(),
                        [this](core::RunId id) { return !run(id)->history.empty(); }),
            60000);
        ui::TrainingController& controller = window().controller();
        std::vector<size_t> recordsBefore;
        for (const core::RunId id : running) {
            controller.pause(id);
            QVERIFY(test::drainOnceHeld(controller, id, 60000));
            recordsBefore.push_back(run(id)->history.size());
        }
        commands().setConfirm([](const QString&, const QString&) { return true; });
        // Back to training, and closed before the event loop runs again: an epoch takes a
        // tenth of a second or more, this takes microseconds.
        for (const core::RunId id : running) {
            controller.resume(id);
        }
        QVERIFY(window().close());
        // Winding down takes seconds under ASan with another test beside it (the queued runs
        // that the pool takes up after the stop make their data); the records checked below
        // are what proves no epoch was waited for.
        QVERIFY(test::drainOnceIdle(controller, 60000));
        for (size_t i = 0; i < ids.size(); ++i) {
            const core::RunId id = ids[i];
            QVERIFY2(controller.isStopRequested(id), qPrintable(QString::number(id)));
            const size_t allowed = i < running.size() ? recordsBefore[i] : 1;
            QVERIFY2(run(id)->history.size() <= allowed, qPrintable(QString::number(id)));
        }
        window_.reset();
    }

    void closingCanBeCancelledAndTheRunsTrainOn() {
        window().controller().setMaxEpochsPerSecond(100);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        commands().setConfirm([](const QString&, const QString&) { return false; });
        QVERIFY(!window().close());
        QVERIFY(!window().controller().isStopRequested(id));
        const size_t before = run(id)->history.size();
        QTRY_VERIFY_WITH_TIMEOUT(run(id)->history.size() > before, 5000);
        commands().setConfirm([](const QString&, const QString&) { return true; });
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
