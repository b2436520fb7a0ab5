// The loss landscape view in the real window: its paths are core's optimizer paths for the
// settings shown (rate, each optimizer's own settings, start, steps), dragging the plane moves
// the start and every path with it, a diverged path ends in a cross inside the view, the
// replay slider cuts the paths, minima are marked; and the contour levels are log-spaced.
#include <QCheckBox>
#include <QComboBox>
#include <QMouseEvent>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "core/analysis/optimizer_path.hpp"
#include "test_support.hpp"
#include "ui/views/landscape/contour_image.hpp"
#include "ui/views/landscape/landscape_plot.hpp"
#include "ui/views/landscape/landscape_view.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;
using Kind = core::OptimizerKind;

namespace {

// The curve's points (x, y) in order.
std::vector<std::pair<double, double>> pointsOf(const QCPCurve* curve) {
    std::vector<std::pair<double, double>> out;
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
        out.emplace_back(it->key, it->value);
    }
    return out;
}

void sendMouse(QWidget* widget, QEvent::Type type, QPointF at, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

}  // namespace

class TestLandscapeView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::LandscapeView& view() {
        return *dynamic_cast<ui::LandscapeView*>(window_->view(QStringLiteral("landscape")));
    }
    ui::LandscapePlot& plot() { return *view().plot(); }
    void chooseFunction(core::TestFunctionKind function) {
        QComboBox* box = view().functionBox();
        box->setCurrentIndex(box->findData(static_cast<int>(function)));
        emit box->activated(box->currentIndex());
    }
    void chooseOnly(std::initializer_list<Kind> kinds) {
        for (const Kind kind : core::kAllOptimizers) {
            view().optimizerBox(kind)->setChecked(std::find(kinds.begin(), kinds.end(), kind) !=
                                                  kinds.end());
        }
    }
    // The path the view draws for `kind` is core's path for its settings, point by point.
    bool drawsCorePath(Kind kind, core::PlanePoint start, int steps) {
        const core::OptimizerPath expected = core::optimizerPath(
            plot().function(), view().settingsOf(kind), core::LrSchedule{}, start, steps);
        for (const ui::LandscapePath& path : plot().paths()) {
            if (path.kind != kind) {
                continue;
            }
            if (path.path.points.size() != expected.points.size() ||
                path.path.divergedAt != expected.divergedAt) {
                return false;
            }
            for (size_t k = 0; k < expected.points.size(); ++k) {
                if (path.path.points[k].x != expected.points[k].x ||
                    path.path.points[k].y != expected.points[k].y) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->resize(1280, 800);
        window_->show();
        ui::bringViewForward(view().widget());
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void everyChosenOptimizersPathIsCoresPath() {
        chooseFunction(core::TestFunctionKind::Beale);
        QCOMPARE(plot().paths().size(), size_t{8});
        for (const Kind kind : core::kAllOptimizers) {
            QVERIFY2(drawsCorePath(kind, plot().start(), 1000), core::optimizerName(kind).data());
            QCOMPARE(plot().curveOf(kind)->dataCount(),
                     static_cast<int>(std::min<size_t>(
                         1001, plot().paths()[static_cast<size_t>(kind)].path.points.size())));
        }
        chooseOnly({Kind::Adam, Kind::Sgd});
        QCOMPARE(plot().paths().size(), size_t{2});
        QVERIFY(plot().curveOf(Kind::Momentum) == nullptr);
    }

    void theRateMovesEveryPath() {
        chooseFunction(core::TestFunctionKind::Bowl);
        chooseOnly({Kind::Sgd, Kind::RmsProp});
        view().rate()->setValue(0.005);
        QCOMPARE(view().settingsOf(Kind::Sgd).lr, 0.005);
        QVERIFY(drawsCorePath(Kind::Sgd, plot().start(), 1000));
        QVERIFY(drawsCorePath(Kind::RmsProp, plot().start(), 1000));
        const auto before = pointsOf(plot().curveOf(Kind::Sgd));
        view().rate()->setValue(0.015);
        QVERIFY(drawsCorePath(Kind::Sgd, plot().start(), 1000));
        QVERIFY(pointsOf(plot().curveOf(Kind::Sgd)) != before);
    }

    void anOptimizersOwnSettingMovesOnlyItsPath() {
        chooseFunction(core::TestFunctionKind::Himmelblau);
        chooseOnly({Kind::Adam, Kind::Momentum});
        view().settingsOptimizerBox()->setCurrentIndex(
            view().settingsOptimizerBox()->findData(static_cast<int>(Kind::Adam)));
        const auto momentumBefore = pointsOf(plot().curveOf(Kind::Momentum));
        const auto adamBefore = pointsOf(plot().curveOf(Kind::Adam));
        auto* beta1 =
            qobject_cast<ui::NumberField*>(view().settingField(core::OptimizerSetting::Beta1));
        QVERIFY(beta1 != nullptr);
        QVERIFY(view().settingField(core::OptimizerSetting::Momentum) == nullptr);
        beta1->clear();
        QTest::keyClicks(beta1, QStringLiteral("0.5"));
        QCOMPARE(view().settingsOf(Kind::Adam).beta1, 0.5);
        QCOMPARE(view().settingsOf(Kind::AdamW).beta1, 0.9);  // its own settings stay
        QVERIFY(drawsCorePath(Kind::Adam, plot().start(), 1000));
        QVERIFY(pointsOf(plot().curveOf(Kind::Adam)) != adamBefore);
        QCOMPARE(pointsOf(plot().curveOf(Kind::Momentum)), momentumBefore);
    }

    void draggingThePlaneMovesTheStartAndEveryPath() {
        chooseFunction(core::TestFunctionKind::Booth);
        chooseOnly({Kind::Nesterov, Kind::Adagrad});
        plot().replot();
        const QPointF from(plot().xAxis->coordToPixel(-5.0), plot().yAxis->coordToPixel(5.0));
        const QPointF to(plot().xAxis->coordToPixel(4.0), plot().yAxis->coordToPixel(-6.0));
        sendMouse(&plot(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&plot(), QEvent::MouseMove, (from + to) / 2.0, Qt::NoButton, Qt::LeftButton);
        sendMouse(&plot(), QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        sendMouse(&plot(), QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        const core::PlanePoint start = plot().start();
        QCOMPARE(start.x, plot().xAxis->pixelToCoord(to.x()));
        QCOMPARE(start.y, plot().yAxis->pixelToCoord(to.y()));
        QVERIFY(std::abs(start.x - 4.0) < 0.1 && std::abs(start.y + 6.0) < 0.1);
        QVERIFY(drawsCorePath(Kind::Nesterov, start, 1000));
        QVERIFY(drawsCorePath(Kind::Adagrad, start, 1000));
        const auto drawn = pointsOf(plot().curveOf(Kind::Adagrad));
        QCOMPARE(drawn.front().first, start.x);
        QCOMPARE(drawn.front().second, start.y);
    }

    void aDivergedPathEndsWithACrossInsideTheView() {
        chooseFunction(core::TestFunctionKind::Rosenbrock);
        chooseOnly({Kind::Nesterov, Kind::Sgd});
        view().rate()->setValue(0.003);
        const ui::LandscapePath* diverged = nullptr;
        for (const ui::LandscapePath& path : plot().paths()) {
            if (path.kind == Kind::Nesterov) {
                diverged = &path;
            }
        }
        QVERIFY(diverged != nullptr && diverged->path.divergedAt.has_value());
        const auto cross = plot().crossAt(Kind::Nesterov);
        QVERIFY(cross.has_value());
        const core::PlaneRange shown = core::testFunctionView(core::TestFunctionKind::Rosenbrock);
        QVERIFY(shown.contains(*cross));
        // Before the replay reaches the divergence there is no cross.
        view().replaySlider()->setValue(*diverged->path.divergedAt - 1);
        QVERIFY(!plot().crossAt(Kind::Nesterov).has_value());
    }

    void theReplaySliderCutsEveryPath() {
        chooseFunction(core::TestFunctionKind::Bowl);
        chooseOnly({Kind::Adam, Kind::Momentum});
        view().replaySlider()->setValue(40);
        QCOMPARE(plot().curveOf(Kind::Adam)->dataCount(), 41);
        QCOMPARE(plot().curveOf(Kind::Momentum)->dataCount(), 41);
        // Hovering the 40th point names the optimizer, the step and the value.
        const core::PathPoint& p = plot().paths().front().path.points[40];
        plot().replot();
        const QString text = plot().describeAt(
            QPointF(plot().xAxis->coordToPixel(p.x), plot().yAxis->coordToPixel(p.y)));
        QVERIFY2(text.contains(QStringLiteral("step 40")), qPrintable(text));
        view().stepsBox()->setValue(200);
        QCOMPARE(view().replaySlider()->maximum(), 200);
    }

    void minimaAreMarked() {
        chooseFunction(core::TestFunctionKind::Himmelblau);
        QCOMPARE(plot().minimumMarkerCount(), 4);
        chooseFunction(core::TestFunctionKind::Saddle);
        QCOMPARE(plot().minimumMarkerCount(), 0);
        chooseFunction(core::TestFunctionKind::Booth);
        QCOMPARE(plot().minimumMarkerCount(), 1);
    }

    void contourLevelsAreLogSpaced() {
        const std::vector<double> levels = ui::logContourLevels(2500.0, 16);
        QCOMPARE(levels.size(), size_t{16});
        QCOMPARE(levels.back(), 2500.0);
        QVERIFY(std::abs(levels.front() - 2500.0 * 1e-5) < 1e-12);
        for (size_t i = 2; i < levels.size(); ++i) {
            QVERIFY(std::abs(levels[i] / levels[i - 1] - levels[1] / levels[0]) < 1e-9);
        }
        QCOMPARE(ui::contourBand(levels, 0.0), 0);
        QCOMPARE(ui::contourBand(levels, levels[3]), 4);
        QCOMPARE(ui::contourBand(levels, 1e9), 16);
        QVERIFY(ui::logContourLevels(0.0).empty());
    }

    void aSessionKeepsTheLandscapesSettings() {
        chooseFunction(core::TestFunctionKind::Beale);
        chooseOnly({Kind::RmsProp});
        view().rate()->setValue(0.02);
        view().setStart({0.5, -1.0});
        const QJsonObject state = view().sessionState();
        chooseFunction(core::TestFunctionKind::Booth);
        chooseOnly({Kind::Sgd, Kind::Adam});
        view().restoreSessionState(state);
        QCOMPARE(plot().function(), core::TestFunctionKind::Beale);
        QCOMPARE(view().rate()->value(), 0.02);
        QCOMPARE(plot().start().x, 0.5);
        QCOMPARE(plot().start().y, -1.0);
        QCOMPARE(plot().paths().size(), size_t{1});
        QVERIFY(drawsCorePath(Kind::RmsProp, {0.5, -1.0}, 1000));
    }
};

QTEST_MAIN(TestLandscapeView)
#include "test_landscape_view.moc"
