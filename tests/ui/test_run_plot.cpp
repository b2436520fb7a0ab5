// What the plot says when it has nothing to draw: the empty message without runs, and why the
// runs it holds give no points for its metric.
#include <QTest>

#include "test_support.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/views/curves/run_plot.hpp"

using namespace lrscope;

namespace {

core::RunConfig regressionConfig() {
    core::RunConfig config = test::smallConfig(3);
    config.data.dataset = "sine";
    config.loss = core::LossKind::Mse;
    return config;
}

void addRun(ui::RunPlot& plot, core::RunId id, const core::RunConfig& config) {
    plot.addRun(id, ui::runColour(static_cast<int>(id)), QStringLiteral("run"), config.epochs);
    plot.appendRecords(id, test::coreRecords(id, config));
}

}  // namespace

class TestRunPlot : public QObject {
    Q_OBJECT
private slots:
    void emptyPlotShowsItsMessageUntilARunArrives() {
        ui::RunPlot plot(ui::PlotMetric::Loss);
        QVERIFY(plot.noteText().isEmpty());
        plot.setEmptyMessage(QStringLiteral("Press Train"));
        QCOMPARE(plot.noteText(), QStringLiteral("Press Train"));
        addRun(plot, 1, test::smallConfig(3));
        QVERIFY(plot.noteText().isEmpty());
        plot.removeRun(1);
        QCOMPARE(plot.noteText(), QStringLiteral("Press Train"));
    }

    void regressionRunsExplainTheMissingSuccessRate() {
        ui::RunPlot plot(ui::PlotMetric::SuccessPercent);
        addRun(plot, 1, regressionConfig());
        QVERIFY(plot.trainGraph(1)->data()->isEmpty());
        QVERIFY2(plot.noteText().contains(QStringLiteral("regression")),
                 qPrintable(plot.noteText()));
        QVERIFY(!plot.noteText().contains(QStringLiteral("--")));
        // The loss of the same run draws, so there is nothing to explain there.
        plot.setMetric(ui::PlotMetric::Loss);
        QVERIFY(!plot.trainGraph(1)->data()->isEmpty());
        QVERIFY(plot.noteText().isEmpty());
    }

    void oneClassificationRunIsEnoughToDraw() {
        ui::RunPlot plot(ui::PlotMetric::ErrorPercent);
        addRun(plot, 1, regressionConfig());
        QVERIFY(!plot.noteText().isEmpty());
        addRun(plot, 2, test::smallConfig(3));
        QVERIFY(plot.noteText().isEmpty());
        // Hiding the classification run leaves only the regression run to explain.
        plot.setRunVisible(2, false);
        QVERIFY(plot.noteText().contains(QStringLiteral("regression")));
    }

    void runsWithoutATestSplitExplainTheMissingTestCurve() {
        ui::RunPlot plot(ui::PlotMetric::SuccessPercent);
        plot.setSeries(ui::SeriesChoice::TestOnly);
        core::RunConfig config = test::smallConfig(3);
        config.data.testFraction = 0.0;
        addRun(plot, 1, config);
        QVERIFY2(plot.noteText().contains(QStringLiteral("test split")),
                 qPrintable(plot.noteText()));
        plot.setSeries(ui::SeriesChoice::TrainOnly);
        QVERIFY(plot.noteText().isEmpty());
    }

    void stepStatisticsWaitForTheFirstEpoch() {
        // Epoch 0 has no gradient norm yet: no note while only it has arrived.
        ui::RunPlot plot(ui::PlotMetric::GradientNorm);
        const core::RunConfig config = test::smallConfig(3);
        const std::vector<core::EpochRecord> records = test::coreRecords(1, config);
        plot.addRun(1, ui::runColour(0), QStringLiteral("run"), config.epochs);
        plot.appendRecords(1, {records.front()});
        QVERIFY(plot.noteText().isEmpty());
        plot.appendRecords(1, {records.begin() + 1, records.end()});
        QCOMPARE(plot.trainGraph(1)->data()->size(), static_cast<int>(records.size()) - 1);
        QVERIFY(plot.noteText().isEmpty());
    }

    void aHistorySourceRedrawsLikeTheCopy() {
        // One plot keeps its own copy of the records, the other reads them from a source;
        // after a change of metric both draw the same points.
        const core::RunConfig config = test::smallConfig(12);
        const std::vector<core::EpochRecord> records = test::coreRecords(1, config);
        std::vector<core::EpochRecord> held;
        ui::RunPlot copying(ui::PlotMetric::Loss);
        ui::RunPlot sourced(ui::PlotMetric::Loss);
        sourced.setHistorySource([&held](core::RunId id) { return id == 1 ? &held : nullptr; });
        for (ui::RunPlot* plot : {&copying, &sourced}) {
            plot->addRun(1, ui::runColour(0), QStringLiteral("run"), config.epochs);
        }
        for (size_t start = 0; start < records.size(); start += 5) {
            const std::vector<core::EpochRecord> batch(
                records.begin() + static_cast<long>(start),
                records.begin() + static_cast<long>(std::min(records.size(), start + 5)));
            held.insert(held.end(), batch.begin(), batch.end());
            copying.appendRecords(1, batch);
            sourced.appendRecords(1, batch);
        }
        for (ui::RunPlot* plot : {&copying, &sourced}) {
            plot->setMetric(ui::PlotMetric::ErrorPercent);
        }
        const auto points = [](const QCPGraph* graph) {
            std::vector<std::pair<double, double>> out;
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                out.emplace_back(it->key, it->value);
            }
            return out;
        };
        QCOMPARE(points(sourced.trainGraph(1)).size(), records.size());
        QVERIFY(points(sourced.trainGraph(1)) == points(copying.trainGraph(1)));
        QVERIFY(points(sourced.testGraph(1)) == points(copying.testGraph(1)));
        QCOMPARE(sourced.trainGraph(1)->data()->at(3)->value, *records[3].trainError * 100.0);
    }
};

QTEST_MAIN(TestRunPlot)
#include "test_run_plot.moc"
