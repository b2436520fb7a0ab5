// The range test view in the real window: Run > Find learning rate runs core's range test on
// the panel's settings, the points that arrive are exactly core's, the suggestions are core's
// and marked, "Use" sets the panel's rate, earlier tests stay as overlays naming their
// settings, and a test without suggestions says why. No training run is touched.
#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"
#include "core/training/run_control.hpp"
#include "test_support.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/range_test/range_test_plot.hpp"
#include "ui/views/range_test/range_test_view.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/preset_store.hpp"

using namespace lrscope;

namespace {

std::vector<double> values(const QCPGraph* graph) {
    std::vector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        out.push_back(it->value);
    }
    return out;
}

core::RangeTestResult coreRangeTest(const core::RunConfig& config,
                                    const core::RangeTestSettings& settings) {
    const core::DataSplit data = core::prepareData(config.data, config.seed);
    core::RunControl control;
    return core::rangeTest(config, data, settings, control);
}

}  // namespace

class TestRangeTestView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::RangeTestView& view() {
        return *dynamic_cast<ui::RangeTestView*>(window_->view(QStringLiteral("range-test")));
    }
    QAction* findAction() {
        return test::menuAction(window_->menuBar(), QStringLiteral("Run"),
                                QStringLiteral("Find learning rate"));
    }
    bool runTest() {
        QSignalSpy finished(&view(), &ui::RangeTestView::testFinished);
        findAction()->trigger();
        return finished.wait(20000);
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->show();
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void theRunMenuTestDrawsCoresPointsAndMarksCoresSuggestions() {
        const core::RunConfig config = test::smallConfig();
        QVERIFY(window_->panel().setConfig(config).isEmpty());
        QVERIFY(findAction() != nullptr);
        QVERIFY(runTest());

        const core::RangeTestSettings settings;  // the view's defaults
        const core::RangeTestResult expected = coreRangeTest(config, settings);
        const core::LrSuggestions suggestions =
            core::lrSuggestions(expected.points, settings.iterations);
        QVERIFY(suggestions.valley);
        QCOMPARE(view().tests().size(), 1U);
        const ui::RangeTestCurve& test = view().tests().back();
        QCOMPARE(test.points.size(), expected.points.size());
        std::vector<double> smoothed, raw;
        for (size_t i = 0; i < expected.points.size(); ++i) {
            QCOMPARE(test.points[i].lr, expected.points[i].lr);
            QCOMPARE(test.points[i].loss, expected.points[i].loss);
            smoothed.push_back(expected.points[i].smoothedLoss);
            raw.push_back(expected.points[i].loss);
        }
        QCOMPARE(values(view().plot()->smoothedGraph(0)), smoothed);
        QCOMPARE(view().plot()->rawGraph()->data()->size(), static_cast<int>(raw.size()));

        const auto& marks = view().plot()->marks();
        QCOMPARE(marks.size(), 3U);
        QCOMPARE(marks[0].name, QStringLiteral("valley"));
        QCOMPARE(marks[0].lr, *suggestions.valley);
        QCOMPARE(marks[1].lr, *suggestions.steep);
        QCOMPARE(marks[2].lr, *suggestions.minimum);
        // The status names the settings the test used, and how it ended.
        const QString status = view().statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("SGD")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("batch 10")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("1e-7 → 10")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("all 100 batches")), qPrintable(status));
        // A throw-away run: the store holds no run.
        QVERIFY(window_->store().empty());
    }

    void theButtonBesideTheRateSliderRunsTheTest() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        QToolButton* beside = nullptr;
        for (auto* button : window_->panel().learningRatePanel()->findChildren<QToolButton*>()) {
            if (button->defaultAction() == findAction()) {
                beside = button;
            }
        }
        QVERIFY(beside != nullptr);
        QSignalSpy finished(&view(), &ui::RangeTestView::testFinished);
        QTest::mouseClick(beside, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(view().tests().size(), 1U);
    }

    void useSetsThePanelsLearningRate() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        QVERIFY(runTest());
        const auto& s = view().tests().back().suggestions;
        QPushButton* useValley = view().useButtons()[0];
        QVERIFY(useValley->isVisible());
        QVERIFY2(useValley->text().contains(QStringLiteral("valley")),
                 qPrintable(useValley->text()));
        QTest::mouseClick(useValley, Qt::LeftButton);
        QCOMPARE(window_->panel().learningRatePanel()->learningRate(), *s.valley);
        QVERIFY(window_->panel().config());
        QCOMPARE(window_->panel().config()->optimizer.lr, *s.valley);
        QTest::mouseClick(view().useButtons()[2], Qt::LeftButton);
        QCOMPARE(window_->panel().config()->optimizer.lr, *s.minimum);
    }

    void earlierTestsStayAsFaintOverlaysNamedByTheirSettings() {
        core::RunConfig sgd = test::smallConfig();
        QVERIFY(window_->panel().setConfig(sgd).isEmpty());
        QVERIFY(runTest());
        core::RunConfig adam = sgd;
        adam.optimizer = core::defaultsFor(core::OptimizerKind::Adam);
        QVERIFY(window_->panel().setConfig(adam).isEmpty());
        QVERIFY(runTest());

        QCOMPARE(view().tests().size(), 2U);
        QVERIFY(view().tests()[0].label.startsWith(QStringLiteral("SGD")));
        QVERIFY(view().tests()[1].label.startsWith(QStringLiteral("Adam")));
        const ui::RangeTestPlot& plot = *view().plot();
        QVERIFY(plot.smoothedGraph(0)->pen().color().alpha() < 255);
        QCOMPARE(plot.smoothedGraph(1)->pen().color().alpha(), 255);
        QVERIFY(plot.smoothedGraph(0)->name().startsWith(QStringLiteral("SGD")));
        QVERIFY(plot.smoothedGraph(1)->name().startsWith(QStringLiteral("Adam")));
        QVERIFY(plot.legend->hasItemWithPlottable(plot.smoothedGraph(0)));
        // The suggestions marked are the current (Adam) test's.
        const auto expected =
            core::lrSuggestions(coreRangeTest(adam, core::RangeTestSettings{}).points, 100);
        QCOMPARE(plot.marks()[0].lr, *expected.valley);

        view().clearEarlier();
        QCOMPARE(view().tests().size(), 1U);
        QVERIFY(plot.smoothedGraph(0)->name().startsWith(QStringLiteral("Adam")));
    }

    void aTestTooShortForSuggestionsSaysWhy() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        view().iterationsBox()->setValue(6);  // 0 left out at the start, 5 at the end: 1 left
        QVERIFY(runTest());
        const ui::RangeTestCurve& test = view().tests().back();
        QCOMPARE(test.points.size(), 6U);
        QVERIFY(!test.suggestions.valley);
        QVERIFY(view().plot()->marks().empty());
        const QString reason = QString::fromStdString(test.suggestions.reason);
        QVERIFY(!reason.isEmpty());
        QVERIFY2(view().plot()->noteText().contains(reason), qPrintable(view().plot()->noteText()));
        QVERIFY(view().statusLabel()->text().contains(QStringLiteral("No suggestion")));
        for (QPushButton* use : view().useButtons()) {
            QVERIFY(!use->isVisible());
        }
    }

    // Cancelled before the GUI thread saw anything of it: whatever the worker did, none of it
    // arrives, also not once the next test has run and been delivered.
    void aCancelledTestSaysNothingMore() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        view().iterationsBox()->setValue(5000);
        QVERIFY(view().findLearningRate());
        QVERIFY(view().isRunning());
        view().cancel();
        QVERIFY(!view().isRunning());
        QCOMPARE(view().tests().back().stop, core::RangeTestStop::Stopped);
        QVERIFY(view().tests().back().points.empty());
        QVERIFY(view().plot()->noteText().contains(QStringLiteral("cancelled")));
        QVERIFY(view().statusLabel()->text().contains(QStringLiteral("cancelled")));

        view().iterationsBox()->setValue(30);
        QSignalSpy finished(&view(), &ui::RangeTestView::testFinished);
        QVERIFY(view().findLearningRate());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(view().tests().size(), 2U);
        QVERIFY(view().tests()[0].points.empty());
        QCOMPARE(view().tests()[1].points.size(), 30U);
    }

    void anInvalidPanelStartsNoTestAndTheViewSaysWhy() {
        window_->panel().learningRatePanel()->slider()->entry()->setText(QStringLiteral("fast"));
        QVERIFY(!window_->panel().config());
        findAction()->trigger();
        QVERIFY(view().tests().empty());
        QVERIFY2(view().statusLabel()->text().contains(QStringLiteral("not a number")),
                 qPrintable(view().statusLabel()->text()));
    }

    void aBadRateRangeIsRefusedWithItsReason() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        view().startField()->setText(QStringLiteral("1"));
        view().endField()->setText(QStringLiteral("0.1"));
        QVERIFY(!view().findLearningRate());
        QVERIFY(view().tests().empty());
        QVERIFY(view().statusLabel()->text().contains(QStringLiteral("highest rate")));
        view().startField()->setText(QStringLiteral("-1"));
        QVERIFY(!view().findLearningRate());
        QVERIFY2(view().statusLabel()->text().contains(view().startField()->error()),
                 qPrintable(view().statusLabel()->text()));
    }

    void theTestRunsWithTheChosenRange() {
        QVERIFY(window_->panel().setConfig(test::smallConfig()).isEmpty());
        view().startField()->setText(QStringLiteral("1e-4"));
        view().endField()->setText(QStringLiteral("1"));
        view().iterationsBox()->setValue(40);
        QVERIFY(runTest());
        const ui::RangeTestCurve& test = view().tests().back();
        QCOMPARE(test.points.front().lr, 1e-4);
        QCOMPARE(test.settings.iterations, 40);
        QCOMPARE(test.points.back().lr,
                 core::rangeTestRate(test.settings, test.points.back().iteration));
        QCOMPARE(view().plot()->xAxis->range().lower, 1e-4);
        QCOMPARE(view().plot()->xAxis->range().upper, 1.0);
    }
};

QTEST_MAIN(TestRangeTestView)
#include "test_range_test_view.moc"
