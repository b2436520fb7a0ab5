// The run list in the real window: a sweep's runs sit under one row that sums them up, folds
// away, shows or hides them all and selects them all; a run picked elsewhere opens its sweep;
// Delete, Undo and a session keep the group.
#include <algorithm>

#include <QApplication>
#include <QItemSelectionModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/base/number_format.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/run_list/run_list_page.hpp"
#include "ui/views/sweep/sweep_view.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/preset_store.hpp"

using namespace lrscope;

class TestRunList : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::RunStore& store() { return window_->store(); }
    ui::RunListView& list() {
        return *dynamic_cast<ui::RunListPage&>(*window_->view(QStringLiteral("runs"))).list();
    }
    ui::RunListModel& model() { return *list().model(); }
    QTreeView& tree() { return *list().tree(); }
    ui::SweepView& sweepView() {
        return *dynamic_cast<ui::SweepView*>(window_->view(QStringLiteral("sweep")));
    }
    ui::RunPlot* lossPlot() {
        return qobject_cast<ui::RunPlot*>(
            window_->view(QStringLiteral("curves"))->exportablePlot());
    }
    QString text(const QModelIndex& at, int column) {
        return at.siblingAtColumn(column).data().toString();
    }
    bool allFinished() {
        return QTest::qWaitFor(
            [&] {
                window_->controller().drain();
                return store().unfinishedCount() == 0;
            },
            60000);
    }

    // One run of its own, then a sweep of SGD and Adam at three rates each.
    std::vector<core::RunId> trainOneThenSweep(int epochs) {
        core::RunConfig config = test::smallConfig(epochs);
        config.optimizer.lr = 0.1;
        if (!window_->panel().setConfig(config).isEmpty()) {
            return {};
        }
        window_->commands().trainAction()->trigger();
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Sgd, core::OptimizerKind::Adam};
        request.minLr = 1e-3;
        request.maxLr = 0.1;
        request.count = 3;
        return sweepView().startSweep(request);
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->show();
        window_->controller().setMaxEpochsPerSecond(0.0);
        window_->sessions().setAskToSave(
            [](const QString&) { return ui::SessionActions::SaveChoice::Discard; });
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void aSweepsRunsSitUnderOneRowThatSumsThemUp() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(12);
        QCOMPARE(sweep.size(), 6U);
        QCOMPARE(store().runs().size(), 7U);
        // Two top-level rows: the run of its own, and the sweep with its six runs, open.
        QCOMPARE(model().rowCount(), 2);
        const QModelIndex own = model().index(0, 0);
        const QModelIndex group = model().index(1, 0);
        QCOMPARE(model().idAt(own), store().runs().front().id);
        QCOMPARE(model().rowCount(own), 0);
        QCOMPARE(model().sweepAt(group), 1);
        QCOMPARE(model().idAt(group), core::RunId{0});
        QCOMPARE(model().rowCount(group), 6);
        QVERIFY(tree().isExpanded(group));
        for (int i = 0; i < 6; ++i) {
            const core::RunId id = sweep[static_cast<std::size_t>(i)];
            QCOMPARE(model().idAt(model().index(i, 0, group)), id);
            QCOMPARE(store().run(id)->sweep, 1);
            QCOMPARE(model().indexOf(id), model().index(i, ui::RunListModel::Name, group));
        }
        QCOMPARE(text(group, ui::RunListModel::Name), QStringLiteral("Sweep 1 · 6 runs"));
        QCOMPARE(text(group, ui::RunListModel::Optimizer), QStringLiteral("SGD, Adam"));
        QCOMPARE(text(group, ui::RunListModel::LearningRate), QStringLiteral("1e-3 … 0.1"));
        QCOMPARE(text(group, ui::RunListModel::Data), QStringLiteral("moons"));
        // The sweep view draws the sweep's runs, not the run of its own.
        QCOMPARE(sweepView().members(), sweep);

        QVERIFY(allFinished());
        QCOMPARE(text(group, ui::RunListModel::Status), QStringLiteral("all finished"));
        QCOMPARE(text(group, ui::RunListModel::Epoch), QStringLiteral("12 / 12"));
        // The best loss is the lowest of its runs' best losses.
        double best = 1e300;
        for (const core::RunId id : sweep) {
            const ui::Run& run = *store().run(id);
            best = std::min(best, run.bestTestLoss ? *run.bestTestLoss : *run.bestTrainLoss);
        }
        QCOMPARE(text(group, ui::RunListModel::BestLoss),
                 QString::fromStdString(core::formatCompact(best, 4)));
    }

    void theSweepsBoxShowsOrHidesAllOfItsRuns() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(5);
        const QModelIndex box = model().index(1, ui::RunListModel::Visible);
        QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(model().setData(box, Qt::Unchecked, Qt::CheckStateRole));
        for (const core::RunId id : sweep) {
            QVERIFY(!store().run(id)->visible);
            QVERIFY(!lossPlot()->trainGraph(id)->visible());
        }
        // The run of its own is not in the sweep.
        QVERIFY(store().runs().front().visible);
        QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        // One run shown again: the sweep's box is partly checked; checking it shows them all.
        store().setVisible(sweep[2], true);
        QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
        QVERIFY(model().setData(box, Qt::Checked, Qt::CheckStateRole));
        for (const core::RunId id : sweep) {
            QVERIFY(store().run(id)->visible);
            QVERIFY(lossPlot()->trainGraph(id)->visible());
        }
    }

    void selectingTheSweepsRowSelectsAllOfItsRuns() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(5);
        tree().selectionModel()->select(
            model().index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        std::vector<core::RunId> selected = window_->selection().selected();
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, sweep);
        // The curves of a selected run are drawn heavier.
        QVERIFY(lossPlot()->highlighted().size() == sweep.size());
    }

    void aRunPickedElsewhereOpensItsFoldedSweep() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(5);
        const QModelIndex group = model().index(1, 0);
        tree().collapse(group);
        QVERIFY(!tree().isExpanded(group));
        // As a click on a point of the sweep view does.
        window_->selection().selectOnly(sweep[4]);
        QVERIFY(tree().isExpanded(group));
        QCOMPARE(tree().currentIndex().siblingAtColumn(ui::RunListModel::Name),
                 model().indexOf(sweep[4]));
        QVERIFY(tree().selectionModel()->isRowSelected(4, group));
    }

    void deleteAndUndoKeepTheSweepTogether() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(5);
        QVERIFY(allFinished());
        // Deleting two runs leaves the others under the sweep's row.
        window_->commands().deleteRuns({sweep[0], sweep[5]});
        QCOMPARE(model().rowCount(model().index(1, 0)), 4);
        QCOMPARE(text(model().index(1, 0), ui::RunListModel::Name),
                 QStringLiteral("Sweep 1 · 4 runs"));
        window_->commands().undo();
        QCOMPARE(model().rowCount(), 2);
        QCOMPARE(model().rowCount(model().index(1, 0)), 6);
        // Deleting the whole sweep removes its row; Undo brings the row back with its runs.
        window_->commands().deleteRuns(sweep);
        QCOMPARE(model().rowCount(), 1);
        QVERIFY(sweepView().members().empty());
        window_->commands().undo();
        QCOMPARE(model().rowCount(), 2);
        QCOMPARE(model().rowCount(model().index(1, 0)), 6);
        QCOMPARE(sweepView().members(), sweep);
    }

    void aSecondSweepGetsARowOfItsOwn() {
        const std::vector<core::RunId> first = trainOneThenSweep(5);
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::RmsProp};
        request.minLr = 1e-3;
        request.maxLr = 1e-2;
        request.count = 2;
        const std::vector<core::RunId> second = sweepView().startSweep(request);
        QCOMPARE(model().rowCount(), 3);
        QCOMPARE(model().sweepAt(model().index(2, 0)), 2);
        QCOMPARE(model().rowCount(model().index(2, 0)), 2);
        QCOMPARE(store().run(second[0])->sweep, 2);
        QVERIFY(store().run(second[0])->name.endsWith(QStringLiteral("sweep 2")));
        QCOMPARE(sweepView().members().size(), first.size() + second.size());
    }

    void aSessionKeepsTheSweepAndItsFolding() {
        const std::vector<core::RunId> sweep = trainOneThenSweep(5);
        QVERIFY(allFinished());
        tree().collapse(model().index(1, 0));
        const QString path = dir_->filePath(QStringLiteral("sweep.lrscope"));
        QVERIFY(window_->sessions().saveTo(path));
        window_->sessions().newSession();
        QCOMPARE(model().rowCount(), 0);
        QVERIFY(sweepView().members().empty());

        QVERIFY(window_->sessions().openFile(path));
        QCOMPARE(store().runs().size(), 7U);
        QCOMPARE(model().rowCount(), 2);
        const QModelIndex group = model().index(1, 0);
        QCOMPARE(model().sweepAt(group), 1);
        QCOMPARE(model().rowCount(group), 6);
        QVERIFY(!tree().isExpanded(group));
        QCOMPARE(sweepView().members().size(), 6U);
        QTRY_VERIFY(!sweepView().refreshPending());
        std::size_t drawn = 0;
        for (const auto& curve : sweepView().plot()->curves()) {
            drawn += curve.points.size();
        }
        QCOMPARE(drawn, 6U);
    }
};

QTEST_MAIN(TestRunList)
#include "test_run_list.moc"
