// "Test with input" in the real window: for the digits data set drawing on the 8 x 8 canvas
// changes the input (0..16) and the ten probabilities follow, equal to core's prediction with
// the run's standardisation; for other data sets one entry per feature in the data's units;
// a regression shows its output; an invalid entry says so instead of answering.
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "core/analysis/input_prediction.hpp"
#include "core/data/data_spec.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/views/test_input/test_input_view.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/digit_canvas.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/widgets/probability_bars.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

class TestTestInputView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::MainWindow& window() { return *window_; }
    ui::TestInputView& view() {
        return *dynamic_cast<ui::TestInputView*>(window_->view(QStringLiteral("test-input")));
    }
    const ui::Run& run(core::RunId id) { return *window_->store().run(id); }
    core::RunId trainToTheEnd(const core::RunConfig& config) {
        window().controller().setMaxEpochsPerSecond(0.0);
        if (!window().panel().setConfig(config).isEmpty()) {
            return 0;
        }
        window().commands().trainAction()->trigger();
        const core::RunId id = window().store().runs().back().id;
        if (!QTest::qWaitFor([&] { return isFinished(run(id).state); }, 30000)) {
            return 0;
        }
        return id;
    }
    // What core says for the view's input with the run's final weights and statistics.
    core::Predictions expected(core::RunId id) {
        const core::RunConfig& config = run(id).config;
        const core::DataSplit split = core::prepareData(config.data, config.seed);
        return core::predictInput(*run(id).finalWeights, config.activation, config.loss,
                                  *view().input(), split.featureMean, split.featureScale);
    }
    bool showsCoresProbabilities(core::RunId id) {
        const core::Predictions want = expected(id);
        const std::vector<double>& shown = view().outputs()->values();
        if (!view().outputs()->showsProbabilities() ||
            static_cast<Eigen::Index>(shown.size()) != want.probabilities.rows()) {
            return false;
        }
        for (size_t k = 0; k < shown.size(); ++k) {
            if (shown[k] != want.probabilities(static_cast<Eigen::Index>(k), 0)) {
                return false;
            }
        }
        return true;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->resize(1280, 800);
        window_->show();
        ui::bringViewForward(view().widget());
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void drawingADigitMovesTheTenProbabilities() {
        core::RunConfig config = test::smallConfig(5);
        config.data.dataset = "digits";
        config.hiddenLayers = {16};
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        QCOMPARE(view().shownRun(), id);
        QVERIFY(view().showsCanvas());
        QVERIFY(view().weights().has_value());
        // It starts on the first test sample.
        QVERIFY(showsCoresProbabilities(id));
        QCOMPARE(view().outputs()->values().size(), size_t{10});

        ui::DigitCanvas& canvas = *view().canvas();
        canvas.clear();
        QCOMPARE(*view().input(), core::Vector::Zero(64));
        const std::vector<double> blank = view().outputs()->values();
        QVERIFY(showsCoresProbabilities(id));
        // A vertical stroke down column 4: a "1".
        QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.cellRect(4).center());
        for (int row = 1; row < 8; ++row) {
            QMouseEvent move(QEvent::MouseMove, canvas.cellRect(row * 8 + 4).center(),
                             canvas.mapToGlobal(canvas.cellRect(row * 8 + 4).center()),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&canvas, &move);
        }
        QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.cellRect(60).center());
        const core::Vector drawn = *view().input();
        for (int row = 0; row < 8; ++row) {
            QCOMPARE(drawn(row * 8 + 4), 16.0);
            QCOMPARE(drawn(row * 8 + 3), ui::DigitCanvas::kEdgeIntensity);
            QCOMPARE(drawn(row * 8 + 0), 0.0);
        }
        QVERIFY(showsCoresProbabilities(id));
        QVERIFY(view().outputs()->values() != blank);
        // The right button erases.
        QTest::mouseClick(&canvas, Qt::RightButton, Qt::NoModifier, canvas.cellRect(12).center());
        QCOMPARE((*view().input())(12), 0.0);
    }

    void anyDataSetTakesOneEntryPerFeatureInItsOwnUnits() {
        core::RunConfig config = test::smallConfig(10);
        config.data.dataset = "iris";
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        QVERIFY(!view().showsCanvas());
        QCOMPARE(view().fields().size(), size_t{4});
        view().fields()[0]->setText(QStringLiteral("6.3"));
        view().fields()[1]->setText(QStringLiteral("2.9"));
        view().fields()[2]->setText(QStringLiteral("5.6"));
        view().fields()[3]->setText(QStringLiteral("1.8"));
        core::Vector want(4);
        want << 6.3, 2.9, 5.6, 1.8;
        QCOMPARE(*view().input(), want);
        QVERIFY(showsCoresProbabilities(id));
        QCOMPARE(view().outputs()->values().size(), size_t{3});

        // An invalid entry gives no answer, and says so.
        view().fields()[2]->setText(QStringLiteral("abc"));
        QVERIFY(!view().input().has_value());
        QVERIFY(view().outputs()->values().empty());
        // Test samples fill the entries in data units.
        view().sampleButton()->click();
        QVERIFY(view().input().has_value());
        QVERIFY(showsCoresProbabilities(id));
    }

    void aRegressionShowsItsOutput() {
        core::RunConfig config = test::smallConfig(10);
        config.data.dataset = "sine";
        config.data.task = core::Task::Regress;
        config.loss = core::LossKind::Mse;
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        QCOMPARE(view().fields().size(), size_t{1});
        view().fields()[0]->setText(QStringLiteral("1.5"));
        QVERIFY(!view().outputs()->showsProbabilities());
        QCOMPARE(view().outputs()->values().size(), size_t{1});
        QCOMPARE(view().outputs()->values()[0], expected(id).outputs(0, 0));
    }
};

QTEST_MAIN(TestTestInputView)
#include "test_test_input_view.moc"
