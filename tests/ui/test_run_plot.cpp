// What the plot says when it has nothing to draw: the empty message without runs, and why the
// runs it holds give no points for its metric.
#include <set>
#include <tuple>

#include <QComboBox>
#include <QTest>

#include "test_support.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"

using namespace lrscope;

namespace {

core::RunConfig regressionConfig() {
    core::RunConfig config = test::smallConfig(3);
    config.data.dataset = "sine";
    config.loss = core::LossKind::Mse;
    return config;
}

void addRun(ui::RunStore& store, core::RunId id, const core::RunConfig& config) {
    test::addTrainedRun(store, id, config);
}

}  // namespace

class TestRunPlot : public QObject {
    Q_OBJECT
private slots:
    void emptyPlotShowsItsMessageUntilARunArrives() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        QVERIFY(plot.noteText().isEmpty());
        plot.setEmptyMessage(QStringLiteral("Press Train"));
        QCOMPARE(plot.noteText(), QStringLiteral("Press Train"));
        addRun(store, 1, test::smallConfig(3));
        QVERIFY(plot.noteText().isEmpty());
        store.take({1});
        QCOMPARE(plot.noteText(), QStringLiteral("Press Train"));
    }

    void regressionRunsExplainTheMissingSuccessRate() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::SuccessPercent);
        addRun(store, 1, regressionConfig());
        QVERIFY(plot.trainGraph(1)->isEmpty());
        QVERIFY2(plot.noteText().contains(QStringLiteral("regression")),
                 qPrintable(plot.noteText()));
        QVERIFY(!plot.noteText().contains(QStringLiteral("--")));
        // The loss of the same run draws, so there is nothing to explain there.
        plot.setMetric(ui::PlotMetric::Loss);
        QVERIFY(!plot.trainGraph(1)->isEmpty());
        QVERIFY(plot.noteText().isEmpty());
    }

    void aViewOnAClassMetricSwitchesToLossForRegressionRuns() {
        ui::RunStore store;
        ui::PlotView view(store, {ui::PlotMetric::Loss, ui::PlotMetric::ErrorPercent},
                          ui::PlotMetric::ErrorPercent);
        addRun(store, 1, test::smallConfig(3));  // a classification run: error % stays
        QCOMPARE(view.plot()->metric(), ui::PlotMetric::ErrorPercent);
        store.setVisible(1, false);
        addRun(store, 2, regressionConfig());  // only a regression shown now: loss
        QCOMPARE(view.plot()->metric(), ui::PlotMetric::Loss);
        QCOMPARE(view.metricBox()->currentData().toInt(), static_cast<int>(ui::PlotMetric::Loss));
        QVERIFY2(view.switchNote().contains(QStringLiteral("regressions")),
                 qPrintable(view.switchNote()));
        // The user may go back to error %: the plot explains, and the view stays there.
        view.metricBox()->setCurrentIndex(
            view.metricBox()->findData(static_cast<int>(ui::PlotMetric::ErrorPercent)));
        QVERIFY(view.switchNote().isEmpty());
        addRun(store, 3, regressionConfig());
        QCOMPARE(view.plot()->metric(), ui::PlotMetric::ErrorPercent);
        QVERIFY(view.plot()->noteText().contains(QStringLiteral("regression")));
    }

    void oneClassificationRunIsEnoughToDraw() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::ErrorPercent);
        addRun(store, 1, regressionConfig());
        QVERIFY(!plot.noteText().isEmpty());
        addRun(store, 2, test::smallConfig(3));
        QVERIFY(plot.noteText().isEmpty());
        // Hiding the classification run leaves only the regression run to explain.
        store.setVisible(2, false);
        QVERIFY(plot.noteText().contains(QStringLiteral("regression")));
    }

    void runsWithoutATestSplitExplainTheMissingTestCurve() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::SuccessPercent);
        plot.setSeries(ui::SeriesChoice::TestOnly);
        core::RunConfig config = test::smallConfig(3);
        config.data.testFraction = 0.0;
        addRun(store, 1, config);
        QVERIFY2(plot.noteText().contains(QStringLiteral("test split")),
                 qPrintable(plot.noteText()));
        plot.setSeries(ui::SeriesChoice::TrainOnly);
        QVERIFY(plot.noteText().isEmpty());
    }

    void stepStatisticsWaitForTheFirstEpoch() {
        // Epoch 0 has no gradient norm yet: no note while only it has arrived.
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::GradientNorm);
        const core::RunConfig config = test::smallConfig(3);
        const std::vector<core::EpochRecord> records = test::coreRecords(1, config);
        store.addQueuedRun(1, config);
        store.appendRecords(1, {records.front()});
        QVERIFY(plot.noteText().isEmpty());
        store.appendRecords(1, {records.begin() + 1, records.end()});
        QCOMPARE(plot.trainGraph(1)->pointCount(), records.size() - 1);
        QVERIFY(plot.noteText().isEmpty());
    }

    void legendEntriesNameWhatTellsTheRunsApart() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        core::RunConfig moons = test::smallConfig(3);
        addRun(store, 1, moons);
        QCOMPARE(plot.trainGraph(1)->name(), QStringLiteral("SGD  lr=0.1"));  // alone: its name
        core::RunConfig xor_ = moons;
        xor_.data.dataset = "xor";
        xor_.hiddenLayers = {16, 16};
        addRun(store, 2, xor_);
        QCOMPARE(plot.trainGraph(1)->name(), QStringLiteral("SGD  lr=0.1  · moons · layers 6"));
        QCOMPARE(plot.trainGraph(2)->name(), QStringLiteral("SGD  lr=0.1  · xor · layers 16,16"));
        core::RunConfig momentum = moons;
        momentum.optimizer = core::defaultsFor(core::OptimizerKind::Momentum);
        momentum.optimizer.lr = 0.1;
        momentum.optimizer.dampening = 0.5;
        store.setVisible(2, false);  // hidden runs are not told apart
        addRun(store, 3, momentum);
        QCOMPARE(plot.trainGraph(3)->name(), QStringLiteral("Momentum  lr=0.1  · dampening=0.5"));
        QCOMPARE(plot.trainGraph(1)->name(), QStringLiteral("SGD  lr=0.1"));
    }

    void manyRunsPutTheLegendBesideThePlot() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        const core::RunConfig config = test::smallConfig(3);
        for (core::RunId id = 1; id <= 6; ++id) {
            addRun(store, id, config);
        }
        QVERIFY(!plot.legendOutside());
        addRun(store, 7, config);
        QVERIFY(plot.legendOutside());
        QCOMPARE(plot.legend->itemCount(), 7);
        store.setVisible(7, false);  // six shown again: back in the corner
        QVERIFY(!plot.legendOutside());
    }

    void runsPastThePaletteKeepDistinctStyles() {
        // 25 runs: the ten colours repeat, so later runs add a marker shape; no two runs look
        // alike, train stays solid and test dashed, and the legend shows each run's marker.
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        const core::RunConfig config = test::smallConfig(3);
        using Style = std::tuple<QRgb, int, int>;  // colour, dash pattern, marker shape
        const auto style = [](const QCPGraph* g) {
            return Style{g->pen().color().rgb(), static_cast<int>(g->pen().style()),
                         static_cast<int>(g->scatterStyle().shape())};
        };
        std::set<Style> seen;
        for (core::RunId id = 1; id <= 25; ++id) {
            addRun(store, id, config);
            const QCPGraph* train = plot.trainGraph(id);
            const QCPGraph* test = plot.testGraph(id);
            QVERIFY2(seen.insert(style(train)).second, qPrintable(QString::number(id)));
            QCOMPARE(train->pen().style(), Qt::SolidLine);
            QCOMPARE(test->pen().style(), Qt::DashLine);
            QCOMPARE(test->scatterStyle().shape(), train->scatterStyle().shape());
            QCOMPARE(train->scatterStyle().isNone(), id <= 10);
        }
        QCOMPARE(plot.legend->itemCount(), 25);
        for (int i = 0; i < plot.legend->itemCount(); ++i) {
            auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i));
            QVERIFY(item != nullptr);
            const auto* graph = qobject_cast<const QCPGraph*>(item->plottable());
            QVERIFY(graph != nullptr);
            QCOMPARE(graph, plot.trainGraph(static_cast<core::RunId>(i + 1)));
        }
        // Markers stay sparse: about a dozen per curve, not one per epoch.
        QVERIFY(plot.trainGraph(11)->scatterSkip() == 0);  // 4 points: every point
        core::RunConfig longer = test::smallConfig(120);
        addRun(store, 26, longer);
        QCOMPARE(plot.trainGraph(26)->scatterSkip(), 121 / 12 - 1);
    }

    void epochTicksAreWholeNumbers() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        QCOMPARE(plot.xAxis->range(), QCPRange(0, 10));  // empty: the first ten epochs
        for (const QCPRange range : {QCPRange(0, 1), QCPRange(0, 3), QCPRange(0, 10)}) {
            QVector<double> ticks;
            QVector<QString> labels;
            plot.xAxis->ticker()->generate(range, QLocale::c(), QLatin1Char('g'), 6, ticks, nullptr,
                                           &labels);
            QVERIFY(!ticks.isEmpty());
            for (const double tick : ticks) {
                QCOMPARE(tick, std::round(tick));
            }
        }
    }

    void theXAxisSpansTheDataShownNotThePlannedEpochs() {
        // A run stopped at epoch 20 of a planned 1000 fills the plot's width.
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        core::RunConfig config = test::smallConfig(20);
        auto records = test::coreRecords(1, config);
        config.epochs = 1000;
        store.addQueuedRun(1, config);
        store.appendRecords(1, records);
        // While it trains there is room to grow, never past the planned end...
        QVERIFY(plot.xAxis->range().upper > 20.0);
        QVERIFY(plot.xAxis->range().upper < 100.0);
        store.finishRun(1, ui::RunOutcome{core::RunStatus::Stopped, std::nullopt, std::nullopt});
        // ...and once it stopped the axis ends at its last epoch.
        QCOMPARE(plot.xAxis->range().upper, 20.0);
    }

    void aMetricSwitchRedrawsFromTheStoresHistory() {
        // Records arrive in batches; after a change of metric the plot draws every record of
        // the store's history again (it keeps no copy of its own).
        const core::RunConfig config = test::smallConfig(12);
        const std::vector<core::EpochRecord> records = test::coreRecords(1, config);
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        store.addQueuedRun(1, config);
        for (size_t start = 0; start < records.size(); start += 5) {
            store.appendRecords(
                1, {records.begin() + static_cast<long>(start),
                    records.begin() + static_cast<long>(std::min(records.size(), start + 5))});
        }
        QCOMPARE(plot.trainGraph(1)->pointCount(), records.size());
        plot.setMetric(ui::PlotMetric::ErrorPercent);
        const std::vector<QCPGraphData> train = plot.trainGraph(1)->points();
        const std::vector<QCPGraphData> test = plot.testGraph(1)->points();
        QCOMPARE(train.size(), records.size());
        QCOMPARE(test.size(), records.size());
        for (size_t i = 0; i < records.size(); ++i) {
            QCOMPARE(train[i].key, static_cast<double>(records[i].epoch));
            QCOMPARE(train[i].value, *records[i].trainError * 100.0);
            QCOMPARE(test[i].value, *records[i].testError * 100.0);
        }
    }
};

QTEST_MAIN(TestRunPlot)
#include "test_run_plot.moc"
