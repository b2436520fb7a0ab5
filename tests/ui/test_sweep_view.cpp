// The sweep in the real window: Run > Sweep learning rates... queues optimizers x rates
// through the controller as Train does, the sweep view's U-curve holds core's numbers for
// every run, grows while they train, marks diverged runs and the best rate, and clicking a
// point selects its run.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/analysis/log_range.hpp"
#include "core/analysis/sweep_curve.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/export/figure_dressing.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/sweep/sweep_dialog.hpp"
#include "ui/views/sweep/sweep_view.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/widgets/round_log_ticks.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/preset_store.hpp"

using namespace lrscope;

class TestSweepView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::SweepView& view() {
        return *dynamic_cast<ui::SweepView*>(window_->view(QStringLiteral("sweep")));
    }
    ui::RunPlot* lossPlot() {
        return qobject_cast<ui::RunPlot*>(
            window_->view(QStringLiteral("curves"))->exportablePlot());
    }
    bool allFinished() {
        return QTest::qWaitFor(
            [&] {
                window_->controller().drain();
                return window_->store().unfinishedCount() == 0;
            },
            60000);
    }
    // The plot redraws on a short timer after the store changes.
    bool plotShows(std::size_t runs) {
        return QTest::qWaitFor(
            [&] {
                std::size_t drawn = 0;
                for (const auto& curve : view().plot()->curves()) {
                    drawn += curve.points.size();
                }
                return drawn == runs && !view().refreshPending() &&
                       view().plot()->pixelOf(view().members().back());
            },
            5000);
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->show();
        window_->controller().setMaxEpochsPerSecond(0.0);
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void logAxesGetRoundDistinctTicksOverAnyRange() {
        // A U-curve's losses may span less than a decade, its rates one and a half.
        const std::vector<std::pair<QCPRange, std::vector<double>>> cases = {
            {QCPRange(0.214, 0.366), {0.25, 0.3, 0.35}},
            {QCPRange(3.3e-4, 3e-2), {5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02}},
            {QCPRange(0.15, 0.62), {0.2, 0.5}},
            {QCPRange(1e-5, 30.0), {1e-5, 1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0}},
        };
        for (const auto& [range, expected] : cases) {
            const auto ticker = ui::roundLogTicks(range);
            std::vector<double> ticks;
            QStringList labels;
            for (auto it = ticker->ticks().cbegin(); it != ticker->ticks().cend(); ++it) {
                ticks.push_back(it.key());
                labels << it.value();
            }
            QCOMPARE(ticks.size(), expected.size());
            for (std::size_t i = 0; i < ticks.size(); ++i) {
                QVERIFY2(std::abs(ticks[i] - expected[i]) <= 1e-12 * expected[i],
                         qPrintable(labels.join(QStringLiteral(", "))));
            }
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        }
        QVERIFY(ui::roundLogTicks(QCPRange(-1.0, 1.0))->ticks().isEmpty());
    }

    void theRunMenuDialogQueuesOptimizersTimesRatesAsTrainDoes() {
        QVERIFY(window_->panel().setConfig(test::smallConfig(8)).isEmpty());
        QAction* sweep = test::menuAction(window_->menuBar(), QStringLiteral("Run"),
                                          QStringLiteral("Sweep learning rates..."));
        QVERIFY(sweep != nullptr);
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<ui::SweepDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog != nullptr);
            dialog->minField()->setText(QStringLiteral("1e-3"));
            dialog->maxField()->setText(QStringLiteral("1"));
            dialog->countBox()->setValue(4);
            dialog->optimizerBox(core::OptimizerKind::Adam)->setChecked(true);
            QVERIFY(dialog->request());
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            answered = true;
        });
        sweep->trigger();
        QVERIFY(answered);
        const auto& runs = window_->store().runs();
        QCOMPARE(runs.size(), 8U);
        const std::vector<double> rates = {1e-3, 1e-2, 0.1, 1.0};
        for (size_t i = 0; i < runs.size(); ++i) {
            const auto kind = i < 4 ? core::OptimizerKind::Sgd : core::OptimizerKind::Adam;
            QCOMPARE(runs[i].config.optimizer.kind, kind);
            QCOMPARE(runs[i].config.optimizer.lr, rates[i % 4]);
            QCOMPARE(runs[i].config.epochs, 8);
            QVERIFY(runs[i].name.contains(QStringLiteral("sweep 1")));
        }
        QCOMPARE(view().members().size(), 8U);
    }

    void theUCurveHoldsCoresNumbersAndTheBestRate() {
        const core::RunConfig config = test::smallConfig(15);
        QVERIFY(window_->panel().setConfig(config).isEmpty());
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Sgd, core::OptimizerKind::Adam};
        request.minLr = 1e-3;
        request.maxLr = 1.0;
        request.count = 4;
        const auto ids = view().startSweep(request);
        QCOMPARE(ids.size(), 8U);
        QVERIFY(allFinished());
        QVERIFY(plotShows(8));

        const auto& curves = view().plot()->curves();
        QCOMPARE(curves.size(), 2U);
        QCOMPARE(QString::fromStdString(curves[0].group), QStringLiteral("SGD"));
        QCOMPARE(QString::fromStdString(curves[1].group), QStringLiteral("Adam"));
        for (const auto& curve : curves) {
            QCOMPARE(curve.points.size(), 4U);
            std::optional<double> lowest;
            for (const auto& point : curve.points) {
                const ui::Run* run = window_->store().run(point.run);
                QVERIFY(run != nullptr);
                // The same value core computes for that run's whole history.
                core::RunConfig alone = run->config;
                const auto records = test::coreRecords(run->id, alone);
                QCOMPARE(point.value,
                         core::sweepValue(records, core::SweepMeasure::FinalTrainLoss));
                if (!point.divergedAt && (!lowest || *point.value < *lowest)) {
                    lowest = point.value;
                }
            }
            QVERIFY(curve.best);
            QCOMPARE(curve.points[*curve.best].value, lowest);
        }
        QVERIFY2(view().statusLabel()->text().startsWith(QStringLiteral("8 runs done")),
                 qPrintable(view().statusLabel()->text()));
        // The legend names each curve's best rate.
        QVERIFY(view().plot()->graph(0)->name().contains(QStringLiteral("best lr")));

        // Another measure redraws the same runs with their best test loss.
        view().measureBox()->setCurrentIndex(
            view().measureBox()->findData(static_cast<int>(core::SweepMeasure::BestTestLoss)));
        QCOMPARE(view().plot()->measure(), core::SweepMeasure::BestTestLoss);
        const auto& point = view().plot()->curves()[0].points[0];
        QCOMPARE(point.value, core::sweepValue(window_->store().run(point.run)->history,
                                               core::SweepMeasure::BestTestLoss));
    }

    void clickingAPointSelectsItsRun() {
        QVERIFY(window_->panel().setConfig(test::smallConfig(5)).isEmpty());
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Sgd};
        request.minLr = 1e-3;
        request.maxLr = 1.0;
        request.count = 4;
        const auto ids = view().startSweep(request);
        QVERIFY(allFinished());
        ui::bringViewForward(view().widget());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(plotShows(4));
        ui::SweepPlot* plot = view().plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);  // lay out the axes at the shown size
        for (const core::RunId id : {ids[2], ids[0]}) {
            const auto pixel = plot->pixelOf(id);
            QVERIFY(pixel);
            QTest::mouseClick(plot, Qt::LeftButton, {}, pixel->toPoint());
            QCOMPARE(window_->selection().current(), id);
            QCOMPARE(window_->selection().selected().size(), 1U);
            // ...and its curves stand out in the loss view.
            const ui::RunPlot* loss = lossPlot();
            for (const core::RunId other : ids) {
                const double width = loss->trainGraph(other)->pen().widthF();
                const double testWidth = loss->testGraph(other)->pen().widthF();
                if (other == id) {
                    QVERIFY(width > loss->trainGraph(ids[1])->pen().widthF());
                    QVERIFY(testWidth > loss->testGraph(ids[1])->pen().widthF());
                } else {
                    QCOMPARE(width, loss->trainGraph(ids[1])->pen().widthF());
                }
            }
        }
        // Far from every point a click selects nothing new.
        QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(window_->selection().current(), ids[0]);
        // A figure is drawn without the highlight, which comes back after it.
        ui::RunPlot* loss = lossPlot();
        const double plain = loss->trainGraph(ids[1])->pen().widthF();
        {
            const ui::FigureDressing dressing(ui::PlotStack{loss}, ui::FigureSize{},
                                              ui::FigureOptions{});
            QCOMPARE(loss->trainGraph(ids[0])->pen().widthF(), plain);
        }
        QVERIFY(loss->trainGraph(ids[0])->pen().widthF() > plain);
    }

    void divergedRunsAreCrossesOnTopAndNeverTheBest() {
        core::RunConfig config = test::smallConfig(30);
        config.data.dataset = "sine";
        config.data.task = core::Task::Regress;
        config.loss = core::LossKind::Mse;
        QVERIFY(window_->panel().setConfig(config).isEmpty());
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Sgd};
        request.minLr = 1e-2;
        request.maxLr = 100.0;
        request.count = 5;
        const auto ids = view().startSweep(request);
        QVERIFY(allFinished());
        ui::bringViewForward(view().widget());
        QVERIFY(plotShows(5));
        const ui::Run* highest = window_->store().run(ids.back());
        QVERIFY2(highest->divergedAt, "SGD at lr 100 on sine should diverge");
        const auto& curve = view().plot()->curves()[0];
        QVERIFY(curve.best);
        QVERIFY(!curve.points[*curve.best].divergedAt);
        QVERIFY(curve.points[*curve.best].run != ids.back());
        QVERIFY2(view().statusLabel()->text().contains(QStringLiteral("diverged")),
                 qPrintable(view().statusLabel()->text()));
        // The cross sits in the band above every point.
        ui::SweepPlot* plot = view().plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const auto cross = plot->pixelOf(ids.back());
        QVERIFY(cross);
        for (const core::RunId id : ids) {
            if (!window_->store().run(id)->divergedAt) {
                QVERIFY(plot->pixelOf(id)->y() > cross->y());
            }
        }
        QTest::mouseClick(plot, Qt::LeftButton, {}, cross->toPoint());
        QCOMPARE(window_->selection().current(), ids.back());
    }

    void runningRunsAppearAndDeletedRunsLeaveTheCurve() {
        QVERIFY(window_->panel().setConfig(test::smallConfig(400)).isEmpty());
        window_->controller().setMaxEpochsPerSecond(200.0);
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Sgd};
        request.minLr = 0.01;
        request.maxLr = 0.1;
        request.count = 2;
        const auto ids = view().startSweep(request);
        // While they train, each run's point shows its last epoch's loss.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto& curves = view().plot()->curves();
                return !curves.empty() && curves[0].points.size() == 2 &&
                       curves[0].points[0].value && curves[0].points[1].value;
            },
            10000));
        QVERIFY(window_->store().unfinishedCount() > 0);
        window_->commands().deleteRuns({ids[0]});
        QTRY_COMPARE_WITH_TIMEOUT(view().plot()->curves()[0].points.size(), 1U, 5000);
        QCOMPARE(view().members().size(), 1U);
        window_->controller().stopAll();
    }

    void theDialogRefusesWhatCannotBeSwept() {
        ui::SweepRequest initial;
        initial.optimizers = {core::OptimizerKind::Sgd};
        ui::SweepDialog dialog(initial);
        QVERIFY(dialog.request());
        dialog.minField()->setText(QStringLiteral("2"));
        dialog.maxField()->setText(QStringLiteral("1"));
        QVERIFY(!dialog.request());
        QVERIFY(dialog.reason().contains(QStringLiteral("above the highest")));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.minField()->setText(QStringLiteral("1e-4"));
        QVERIFY(ok->isEnabled());
        dialog.optimizerBox(core::OptimizerKind::Sgd)->setChecked(false);
        QVERIFY(dialog.reason().contains(QStringLiteral("at least one optimizer")));
        for (const auto kind : core::kAllOptimizers) {
            dialog.optimizerBox(kind)->setChecked(true);
        }
        dialog.countBox()->setValue(20);  // 8 x 20 = 160 runs
        QVERIFY(dialog.reason().contains(QStringLiteral("at most 100")));
    }

    void sweepConfigsKeepThePanelsOptimizerSettingsAndUseDefaultsForOthers() {
        core::RunConfig base = test::smallConfig();
        base.optimizer = core::defaultsFor(core::OptimizerKind::Momentum);
        base.optimizer.momentum = 0.5;
        ui::SweepRequest request;
        request.optimizers = {core::OptimizerKind::Momentum, core::OptimizerKind::Adam};
        request.minLr = 1e-3;
        request.maxLr = 1e-1;
        request.count = 3;
        const auto configs = ui::sweepConfigs(base, request);
        QCOMPARE(configs.size(), 6U);
        QCOMPARE(configs[0].optimizer.momentum, 0.5);
        QCOMPARE(configs[2].optimizer.lr, 0.1);
        QCOMPARE(configs[3].optimizer.kind, core::OptimizerKind::Adam);
        QCOMPARE(configs[3].optimizer.beta1, core::defaultsFor(core::OptimizerKind::Adam).beta1);
        QCOMPARE(configs[4].optimizer.lr, core::logSpaced(1e-3, 1e-1, 3)[1]);
        QCOMPARE(configs[5].batchSize, base.batchSize);
    }
};

QTEST_MAIN(TestSweepView)
#include "test_sweep_view.moc"
