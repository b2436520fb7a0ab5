// What the plot draws of the store's runs (read from their histories, which it does not copy),
// and what it says when it has nothing to draw: the empty message without runs, and why the
// runs it holds give no points for its metric.
#include <cmath>
#include <set>
#include <tuple>

#include <QComboBox>
#include <QTest>
#include <QToolTip>

#include "core/analysis/smoothing.hpp"
#include "core/base/number_format.hpp"

#include "test_support.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/legend_entry.hpp"
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

// A finished run with these training losses at epochs 0, 1, 2, ... and test losses 0.1 above.
ui::Run runOf(core::RunId id, const std::vector<double>& trainLoss) {
    ui::Run run;
    run.id = id;
    run.name = QStringLiteral("run %1").arg(id);
    run.state = ui::RunState::Done;
    run.config = test::smallConfig(static_cast<int>(trainLoss.size()) - 1);
    for (std::size_t e = 0; e < trainLoss.size(); ++e) {
        core::EpochRecord record;
        record.runId = id;
        record.epoch = static_cast<int>(e);
        record.trainLoss = trainLoss[e];
        record.testLoss = trainLoss[e] + 0.1;
        record.lr = 0.1;
        run.history.push_back(record);
    }
    return run;
}

std::vector<double> valuesOf(const ui::CurveGraph* graph) {
    std::vector<double> values;
    for (const QCPGraphData& point : graph->points()) {
        values.push_back(point.value);
    }
    return values;
}

// Where the plot's (only) lr-change tracer sits.
QPointF tracerAt(const QCustomPlot& plot) {
    for (int i = 0; i < plot.itemCount(); ++i) {
        if (const auto* tracer = qobject_cast<QCPItemTracer*>(plot.item(i))) {
            return tracer->position->coords();
        }
    }
    return {std::nan(""), std::nan("")};
}

// Where the plot's text item that starts with `text` sits.
QPointF labelAt(const QCustomPlot& plot, const QString& text) {
    for (int i = 0; i < plot.itemCount(); ++i) {
        const auto* label = qobject_cast<QCPItemText*>(plot.item(i));
        if (label != nullptr && label->text().startsWith(text)) {
            return label->position->coords();
        }
    }
    return {std::nan(""), std::nan("")};
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

    void aLegendEntryMeasuresAsQCustomPlotsOwnAndAgainWhenItsTextChanges() {
        QCustomPlot plot;
        QCPGraph* graph = plot.addGraph();
        graph->setName(QStringLiteral("SGD  lr=0.1"));
        ui::LegendEntry entry(plot.legend, graph);
        QCPPlottableLegendItem own(plot.legend, graph);
        const auto hint = [](const QCPLayoutElement& item) { return item.minimumOuterSizeHint(); };
        const QSize first = hint(own);
        QCOMPARE(hint(entry), first);
        graph->setName(QStringLiteral("SGD  lr=0.1 · a much longer name than before"));
        QVERIFY(hint(own).width() > first.width());
        QCOMPARE(hint(entry), hint(own));
        QFont larger = own.font();
        larger.setPointSizeF(larger.pointSizeF() * 2.0);
        for (QCPAbstractLegendItem* item : {static_cast<QCPAbstractLegendItem*>(&entry),
                                            static_cast<QCPAbstractLegendItem*>(&own)}) {
            item->setFont(larger);
        }
        QVERIFY(hint(own).height() > first.height());
        QCOMPARE(hint(entry), hint(own));
        plot.legend->setIconSize(60, 50);
        QCOMPARE(hint(entry), hint(own));
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

    void curvesAreReadFromTheStoresHistoryNotHeld() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        plot.resize(500, 300);
        store.addFinishedRun(runOf(1, {0.9, 0.5, 0.3, 0.2}));
        plot.replot();
        const QCPGraph* asQCustomPlotSeesIt = plot.trainGraph(1);
        QVERIFY(asQCustomPlotSeesIt->data()->isEmpty());
        QCOMPARE(valuesOf(plot.trainGraph(1)), (std::vector<double>{0.9, 0.5, 0.3, 0.2}));
        QCOMPARE(valuesOf(plot.testGraph(1)).back(), 0.2 + 0.1);
        // What the graph reports to QCustomPlot (e.g. for rescaleAxes) is the history's extent.
        bool found = false;
        QCOMPARE(plot.trainGraph(1)->getValueRange(found), QCPRange(0.2, 0.9));
        QVERIFY(found);
        QCOMPARE(plot.trainGraph(1)->getKeyRange(found), QCPRange(0, 3));
    }

    void aLogAxisLeavesValuesAtOrBelowZeroOutAsGaps() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        store.addFinishedRun(runOf(1, {1.0, 0.0, 0.5, -1.0, 0.25}));
        QCOMPARE(plot.hiddenPointCount(), 0L);
        plot.setLogY(true);
        const std::vector<double> train = valuesOf(plot.trainGraph(1));
        QCOMPARE(train.size(), std::size_t{5});  // gaps are points: the line breaks there
        QVERIFY(std::isnan(train[1]) && std::isnan(train[3]));
        QCOMPARE(train[2], 0.5);
        // Train 0 and -1, test -0.9 (0.1 above the training loss of -1).
        QCOMPARE(plot.hiddenPointCount(), 3L);
        QVERIFY2(plot.cornerNoteText().contains(QStringLiteral("3 points")),
                 qPrintable(plot.cornerNoteText()));
        plot.setSeries(ui::SeriesChoice::TrainOnly);
        QCOMPARE(plot.hiddenPointCount(), 2L);
        plot.setLogY(false);
        QCOMPARE(plot.hiddenPointCount(), 0L);
        QCOMPARE(valuesOf(plot.trainGraph(1))[3], -1.0);
    }

    void anLrMarkerSitsOnTheCurveAsDrawn() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        const std::vector<double> losses{0.9, 0.5, 0.7, 0.2, 0.1};
        ui::Run run = runOf(1, losses);
        run.history[2].lrChangedTo = 0.05;
        store.addFinishedRun(std::move(run));
        QCOMPARE(plot.lrMarkers(1).size(), std::size_t{1});
        QCOMPARE(tracerAt(plot), QPointF(2, 0.7));
        // Smoothed, the marker moves onto the smoothed curve.
        plot.setSmoothing(0.5);
        QCOMPARE(plot.lrMarkers(1).size(), std::size_t{1});
        QCOMPARE(tracerAt(plot), QPointF(2, core::smoothSeries(losses, 0.5)[2]));
    }

    void smoothedCurvesKeepTheRawOnesFaintBehind() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        const std::vector<double> losses{0.9, 0.5, 0.7, 0.2, 0.1};
        store.addFinishedRun(runOf(1, losses));
        plot.setSmoothing(0.6);
        QCOMPARE(valuesOf(plot.trainGraph(1)), core::smoothSeries(losses, 0.6));
        QCOMPARE(valuesOf(plot.rawTrainGraph(1)), losses);
        // A live run's new records extend both.
        ui::RunStore live;
        ui::RunPlot growing(live, ui::PlotMetric::Loss);
        growing.setSmoothing(0.6);
        const core::RunConfig config = test::smallConfig(4);
        live.addQueuedRun(2, config);
        const ui::Run whole = runOf(2, losses);
        live.appendRecords(2, {whole.history.begin(), whole.history.begin() + 2});
        live.appendRecords(2, {whole.history.begin() + 2, whole.history.end()});
        QCOMPARE(valuesOf(growing.trainGraph(2)), core::smoothSeries(losses, 0.6));
        QCOMPARE(valuesOf(growing.rawTrainGraph(2)), losses);
    }

    void anImportedCurveIsDrawnAsATrainingLossInStepOrder() {
        // A hand-made session may list its points out of step order: drawn sorted, points of
        // one step in the order given.
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        ui::Run run;
        run.id = 1;
        run.name = QStringLiteral("tag");
        run.importedFrom = QStringLiteral("log.csv");
        run.state = ui::RunState::Done;
        run.importedPoints = {{20.0, 0.5}, {10.0, 0.7}, {20.0, 0.4}, {30.0, 0.2}};
        store.addFinishedRun(std::move(run));
        const std::vector<QCPGraphData> points = plot.trainGraph(1)->points();
        QCOMPARE(points.size(), std::size_t{4});
        const std::vector<std::pair<double, double>> expected{
            {10.0, 0.7}, {20.0, 0.5}, {20.0, 0.4}, {30.0, 0.2}};
        for (std::size_t i = 0; i < points.size(); ++i) {
            QCOMPARE(points[i].key, expected[i].first);
            QCOMPARE(points[i].value, expected[i].second);
        }
        QVERIFY(plot.testGraph(1)->isEmpty());
        plot.setMetric(ui::PlotMetric::ErrorPercent);
        QVERIFY(plot.trainGraph(1)->isEmpty());
    }

    void theDivergenceCrossSitsWhereTheCurveEnds() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        ui::Run run = runOf(1, {0.9, 0.6, 0.8, 1.2});
        run.state = ui::RunState::Diverged;
        run.divergedAt = 4;
        store.addFinishedRun(std::move(run));
        QCOMPARE(labelAt(plot, QStringLiteral("diverged @ 4")), QPointF(3, 1.2));
        // On a log axis a last value of 0 is a gap: the cross sits on the last drawn point.
        ui::Run zero = runOf(2, {0.9, 0.5, 0.0});
        zero.state = ui::RunState::Diverged;
        zero.divergedAt = 3;
        store.addFinishedRun(std::move(zero));
        plot.setLogY(true);
        QCOMPARE(labelAt(plot, QStringLiteral("diverged @ 3")), QPointF(1, 0.5));
    }

    void hoveringNamesTheRunEpochAndValueUnderTheMouse() {
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        store.addFinishedRun(runOf(1, {0.9, 0.5, 0.3, 0.2, 0.15}));
        plot.replot();
        const QPoint at(static_cast<int>(plot.xAxis->coordToPixel(3)),
                        static_cast<int>(plot.yAxis->coordToPixel(0.2)));
        QTest::mouseMove(&plot, at);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QStringLiteral("run 1")) &&
                     text.contains(QStringLiteral("epoch 3")) &&
                     text.contains(QStringLiteral("train loss ") +
                                   QString::fromStdString(core::formatCompact(0.2, 4))),
                 qPrintable(text));
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
