// The one-click lesson in the real window: Help > "Show me: too low, just right, too high" and
// the link on the empty loss plot run a range test on the panel's settings and train three
// runs at the rates core::lessonRates picks from it, named for what each shows.
#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/analysis/lesson_rates.hpp"
#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"
#include "core/training/run_control.hpp"
#include "test_support.hpp"
#include "ui/commands/lesson_command.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/empty_plot_link.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/preset_store.hpp"

using namespace lrscope;

namespace {

core::LessonRates expectedRates(const core::RunConfig& config) {
    const core::RangeTestSettings settings;
    const core::DataSplit data = core::prepareData(config.data, config.seed);
    core::RunControl control;
    const auto result = core::rangeTest(config, data, settings, control);
    const auto suggestions = core::lrSuggestions(result.points, settings.iterations);
    return *core::lessonRates(result, suggestions, settings, nullptr);
}

}  // namespace

class TestLesson : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::RunPlot& lossPlot() {
        return *dynamic_cast<ui::CurvesView*>(window_->view(QStringLiteral("curves")))
                    ->plotView()
                    ->plot();
    }
    void checkLessonRuns(const core::RunConfig& config) {
        const auto& runs = window_->store().runs();
        QCOMPARE(runs.size(), 3U);
        const core::LessonRates rates = expectedRates(config);
        QCOMPARE(runs[0].config.optimizer.lr, rates.tooLow);
        QCOMPARE(runs[1].config.optimizer.lr, rates.justRight);
        QCOMPARE(runs[2].config.optimizer.lr, rates.tooHigh);
        QVERIFY(runs[0].name.contains(QStringLiteral("too low")));
        QVERIFY(runs[1].name.contains(QStringLiteral("just right")));
        QVERIFY(runs[2].name.contains(QStringLiteral("too high")));
        for (const ui::Run& run : runs) {
            // Everything but the rate is the panel's.
            core::RunConfig same = run.config;
            same.optimizer.lr = config.optimizer.lr;
            QCOMPARE(same.epochs, config.epochs);
            QCOMPARE(same.batchSize, config.batchSize);
            QCOMPARE(same.optimizer.kind, config.optimizer.kind);
            QCOMPARE(same.data.dataset, config.data.dataset);
            // The legend tells which is which.
            QVERIFY(lossPlot().trainGraph(run.id)->name().contains(run.name));
        }
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

    void theHelpMenuTrainsTooLowJustRightAndTooHighFromARangeTest() {
        const core::RunConfig config = *window_->panel().config();  // the window's defaults
        QAction* lesson =
            test::menuAction(window_->menuBar(), QStringLiteral("Help"),
                             QStringLiteral("Show me: too low, just right, too high"));
        QVERIFY(lesson != nullptr);
        QSignalSpy started(&window_->commands().lesson(), &ui::LessonCommand::lessonStarted);
        lesson->trigger();
        QVERIFY(started.wait(20000));
        checkLessonRuns(config);
        // The rates are 30x apart below the valley and well above it.
        const auto& runs = window_->store().runs();
        QCOMPARE(runs[1].config.optimizer.lr / runs[0].config.optimizer.lr, 30.0);
        QVERIFY(runs[2].config.optimizer.lr >= 10.0 * runs[1].config.optimizer.lr);
        window_->controller().stopAll();
    }

    void theEmptyPlotsLinkStartsTheLessonAndGoesAwayWithRuns() {
        core::RunConfig config = test::smallConfig(20);
        QVERIFY(window_->panel().setConfig(config).isEmpty());
        config = *window_->panel().config();
        auto* link = lossPlot().findChild<ui::EmptyPlotLink*>();
        QVERIFY(link != nullptr);
        QVERIFY(link->isShown());
        QVERIFY(link->text().contains(QStringLiteral("Show me")));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        lossPlot().replot(QCustomPlot::rpImmediateRefresh);
        QSignalSpy started(&window_->commands().lesson(), &ui::LessonCommand::lessonStarted);
        // A click beside the link does nothing.
        QTest::mouseClick(&lossPlot(), Qt::LeftButton, {}, link->centre() + QPoint(0, 60));
        QVERIFY(!window_->commands().lesson().isPicking());
        QTest::mouseClick(&lossPlot(), Qt::LeftButton, {}, link->centre());
        QVERIFY(started.wait(20000));
        checkLessonRuns(config);
        QVERIFY(!link->isShown());
        window_->controller().stopAll();
    }

    void anInvalidPanelStartsNoLessonAndSaysWhy() {
        QSignalSpy messages(&window_->commands(), &ui::RunCommands::message);
        ui::LogSlider* slider = window_->panel().learningRatePanel()->slider();
        slider->entry()->setText(QStringLiteral("fast"));
        QVERIFY(!window_->panel().config());
        window_->commands().lessonAction()->trigger();
        QVERIFY(!window_->commands().lesson().isPicking());
        QVERIFY(window_->store().empty());
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("not a number")));
    }
};

QTEST_MAIN(TestLesson)
#include "test_lesson.moc"
