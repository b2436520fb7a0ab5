// The decision boundary view in the real window: a finished run's heatmap is core's decision
// grid of its final weights, a training run is followed from snapshots (epochs only move
// forward), a click on the plane shows core's probabilities there, a 1-input regression shows
// its fitted curve, other shapes say why nothing is drawn, and the worker that computes grids
// never queues stale work.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "core/analysis/decision_grid.hpp"
#include "core/analysis/prediction.hpp"
#include "core/data/data_spec.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/views/boundary/boundary_data.hpp"
#include "ui/views/boundary/boundary_picture.hpp"
#include "ui/views/boundary/boundary_plot.hpp"
#include "ui/views/boundary/boundary_view.hpp"
#include "ui/views/latest_wins_worker.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/probability_bars.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

namespace {

core::RunConfig sineConfig() {
    core::RunConfig config = test::smallConfig(40);
    config.data.dataset = "sine";
    config.data.task = core::Task::Regress;
    config.loss = core::LossKind::Mse;
    config.optimizer.lr = 0.05;
    return config;
}

}  // namespace

class TestBoundaryView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::MainWindow& window() { return *window_; }
    ui::BoundaryView& view() {
        return *dynamic_cast<ui::BoundaryView*>(window_->view(QStringLiteral("boundary")));
    }
    const ui::Run& run(core::RunId id) { return *window_->store().run(id); }
    core::RunId trainWith(const core::RunConfig& config) {
        const QString error = window().panel().setConfig(config);
        if (!error.isEmpty()) {
            qWarning() << error;
            return 0;
        }
        window().commands().trainAction()->trigger();
        return window().store().empty() ? 0 : window().store().runs().back().id;
    }
    core::RunId trainUntilFinished(const core::RunConfig& config) {
        window().controller().setMaxEpochsPerSecond(0.0);
        const core::RunId id = trainWith(config);
        if (id == 0 || !QTest::qWaitFor([&] { return isFinished(run(id).state); }, 20000)) {
            return 0;
        }
        return id;
    }
    // Trains to the end and waits until the view drew the run's final weights.
    core::RunId trainToTheEnd(const core::RunConfig& config) {
        const core::RunId id = trainUntilFinished(config);
        if (id == 0 || !QTest::qWaitFor([&] { return view().drawnEpoch() == -1; }, 10000)) {
            return 0;
        }
        return id;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        window_ = test::windowIn(*dir_);
        window_->resize(1280, 800);
        window_->show();
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void withoutRunsItSaysWhatToDo() {
        QCOMPARE(view().shownRun(), core::RunId{0});
        QVERIFY(view().plot()->message().contains(QStringLiteral("2 inputs")));
        QVERIFY(!view().plot()->hasHeatmap());
    }

    void aFinishedRunShowsCoresDecisionGridOfItsFinalWeights() {
        const core::RunConfig config = test::smallConfig(25);
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        QCOMPARE(view().shownRun(), id);
        QVERIFY(view().plot()->hasHeatmap());
        QVERIFY(view().plot()->caption().contains(QStringLiteral("final weights")));

        // The same grid, computed here from the store's weights over the same range.
        const ui::BoundaryData data = ui::boundaryDataOf(config);
        QCOMPARE(data.shape, ui::BoundaryData::Shape::Plane);
        const core::DecisionGrid grid =
            core::decisionGrid(*run(id).finalWeights, config.activation, config.loss,
                               data.networkRange(), ui::kBoundaryGridSide, ui::kBoundaryGridSide);
        const QImage& image = view().plot()->heatmap();
        QCOMPARE(image.size(), QSize(ui::kBoundaryGridSide, ui::kBoundaryGridSide));
        int classesSeen = 0;
        std::vector<bool> seen(2, false);
        for (int r = 0; r < grid.rows; r += 7) {
            for (int c = 0; c < grid.columns; c += 7) {
                const size_t cell = static_cast<size_t>(r * grid.columns + c);
                const QRgb expected =
                    ui::heatmapColour(grid.predicted[cell], grid.confidence[cell], 2);
                QCOMPARE(image.pixel(c, grid.rows - 1 - r), expected);
                if (!seen[static_cast<size_t>(grid.predicted[cell])]) {
                    seen[static_cast<size_t>(grid.predicted[cell])] = true;
                    ++classesSeen;
                }
            }
        }
        QCOMPARE(classesSeen, 2);  // a trained moons classifier splits the plane
        // Every train and test sample is drawn.
        const core::DataSplit split = core::prepareData(config.data, config.seed);
        QCOMPARE(view().plot()->drawnPointCount(),
                 static_cast<int>(split.train.sampleCount() + split.test.sampleCount()));
    }

    void aTrainingRunIsFollowedFromSnapshotsWithEpochsMovingForward() {
        window().controller().setMaxEpochsPerSecond(200.0);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        QVERIFY(id != 0);
        QCOMPARE(view().shownRun(), id);
        std::vector<int> epochs;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto epoch = view().drawnEpoch();
                if (epoch && (epochs.empty() || epochs.back() != *epoch)) {
                    epochs.push_back(*epoch);
                }
                return epochs.size() >= 4;
            },
            20000));
        QVERIFY(std::is_sorted(epochs.begin(), epochs.end()));
        QVERIFY(epochs.front() >= 0);
        QCOMPARE(run(id).state, ui::RunState::Training);
        QVERIFY(view().plot()->hasHeatmap());
        QVERIFY(view().plot()->caption().contains(QStringLiteral("epoch")));
        window().commands().stopAllAction()->trigger();
    }

    void withRunsQueuedItFollowsTheNewestRunThatTrains() {
        // A sweep queues more runs than there are threads: the view shows one that trains, not
        // the last one queued, and moves on as newer ones start.
        window().controller().setMaxEpochsPerSecond(200.0);
        const auto threads = static_cast<int>(window().controller().threadCount());
        std::vector<core::RunId> ids;
        for (int i = 0; i < threads + 2; ++i) {
            ids.push_back(trainWith(test::smallConfig(core::kMaxEpochs)));
        }
        const core::RunId lastTraining = ids[static_cast<std::size_t>(threads - 1)];
        QVERIFY(QTest::qWaitFor([&] { return run(lastTraining).state == ui::RunState::Training; },
                                10000));
        QCOMPARE(run(ids.back()).state, ui::RunState::Queued);
        QCOMPARE(view().shownRun(), lastTraining);
        window().controller().stop(ids.front());
        const core::RunId next = ids[static_cast<std::size_t>(threads)];
        QVERIFY(QTest::qWaitFor([&] { return run(next).state == ui::RunState::Training; }, 10000));
        QCOMPARE(view().shownRun(), next);
        window().commands().stopAllAction()->trigger();
    }

    void selectingAnotherRunShowsIt() {
        const core::RunId first = trainToTheEnd(test::smallConfig(10));
        core::RunConfig other = test::smallConfig(10);
        other.data.dataset = "circles";
        const core::RunId second = trainToTheEnd(other);
        QVERIFY(first != 0 && second != 0);
        QCOMPARE(view().shownRun(), second);
        window().selection().selectOnly(first);
        QCOMPARE(view().shownRun(), first);
        QVERIFY(QTest::qWaitFor([&] { return view().drawnEpoch() == -1; }, 10000));
        QVERIFY(view().plot()->caption().startsWith(run(first).name));
    }

    void clickingThePlaneShowsCoresProbabilitiesThere() {
        const core::RunConfig config = test::smallConfig(25);
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        ui::BoundaryPlot& plot = *view().plot();
        ui::bringViewForward(view().widget());
        plot.replot();
        const ui::BoundaryData data = ui::boundaryDataOf(config);
        const double x = 0.3 * data.range.xMin + 0.7 * data.range.xMax;
        const double y = 0.6 * data.range.yMin + 0.4 * data.range.yMax;
        const QPoint pixel(static_cast<int>(plot.xAxis->coordToPixel(x)),
                           static_cast<int>(plot.yAxis->coordToPixel(y)));
        QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixel);

        // Where the click landed, in data units, standardised as the run was.
        const double cx = plot.xAxis->pixelToCoord(pixel.x());
        const double cy = plot.yAxis->pixelToCoord(pixel.y());
        const core::Network network =
            core::networkFromWeights(*run(id).finalWeights, config.activation);
        core::Matrix input(2, 1);
        input << data.toNetwork(0, cx), data.toNetwork(1, cy);
        const core::Predictions expected =
            core::predict(network, core::LossKind::CrossEntropy, input);
        const std::vector<double>& shown = view().probabilities()->values();
        QCOMPARE(shown.size(), size_t{2});
        QVERIFY(view().probabilities()->showsProbabilities());
        QCOMPARE(shown[0], expected.probabilities(0, 0));
        QCOMPARE(shown[1], expected.probabilities(1, 0));
    }

    void aOneInputRegressionShowsItsFittedCurve() {
        const core::RunConfig config = sineConfig();
        const core::RunId id = trainToTheEnd(config);
        QVERIFY(id != 0);
        QCOMPARE(view().plot()->shape(), ui::BoundaryData::Shape::Curve);
        const QCPGraph* curve = view().plot()->curveGraph();
        QVERIFY(curve != nullptr);
        QCOMPARE(curve->dataCount(), ui::kBoundaryCurvePoints);
        const ui::BoundaryData data = ui::boundaryDataOf(config);
        const core::FittedCurve expected =
            core::fittedCurve(*run(id).finalWeights, config.activation, data.networkRange().xMin,
                              data.networkRange().xMax, ui::kBoundaryCurvePoints);
        for (int i = 0; i < curve->dataCount(); i += 37) {
            QCOMPARE(curve->data()->at(i)->value, expected.y[static_cast<size_t>(i)]);
        }
        QCOMPARE(curve->data()->at(0)->key, data.range.xMin);
    }

    void otherShapesSayWhyNothingIsDrawn() {
        core::RunConfig config = test::smallConfig(3);
        config.data.dataset = "iris";
        const core::RunId id = trainUntilFinished(config);
        QVERIFY(id != 0);
        QCOMPARE(view().shownRun(), id);
        QCOMPARE(view().plot()->shape(), ui::BoundaryData::Shape::Unsupported);
        QVERIFY(view().plot()->message().contains(QStringLiteral("4 inputs")));
        QVERIFY(!view().plot()->hasHeatmap());
        // Weights that arrive anyway (the final ones, other views' snapshots) draw nothing.
        QVERIFY(QTest::qWaitFor([&] { return view().worker().idle(); }, 5000));
        QCoreApplication::processEvents();
        QCOMPARE(view().drawnEpoch(), std::optional<int>());
        QVERIFY(view().plot()->caption().isEmpty());
        QVERIFY(!view().probabilities()->isVisible());
    }

    void theWorkerRunsOnlyTheNewestWaitingJob() {
        ui::LatestWinsWorker worker;
        std::mutex mutex;
        std::condition_variable released;
        bool release = false;
        std::atomic<bool> started{false};
        std::vector<int> ran;
        worker.submit([&] {
            started = true;
            std::unique_lock lock(mutex);
            released.wait(lock, [&] { return release; });
            ran.push_back(0);
        });
        QVERIFY(QTest::qWaitFor([&] { return started.load(); }, 5000));
        for (int job = 1; job <= 5; ++job) {
            worker.submit([&ran, job] { ran.push_back(job); });
        }
        {
            const std::lock_guard lock(mutex);
            release = true;
        }
        released.notify_one();
        QVERIFY(QTest::qWaitFor([&] { return worker.idle(); }, 5000));
        QCOMPARE(ran, (std::vector<int>{0, 5}));
        QCOMPARE(worker.droppedCount(), 4L);
    }
};

QTEST_MAIN(TestBoundaryView)
#include "test_boundary_view.moc"
