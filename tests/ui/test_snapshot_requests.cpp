// Weight snapshots through the controller: a view that asks gets the run's weights every k
// epochs while it trains; a run nobody asks about sends none.
#include <QSignalSpy>
#include <QTest>

#include "test_support.hpp"
#include "ui/runs/training_controller.hpp"

using namespace lrscope;
using ui::TrainingController;

class TestSnapshotRequests : public QObject {
    Q_OBJECT
private slots:
    void aRequestedRunSendsItsWeightsEveryKEpochs() {
        TrainingController controller(2);
        controller.setMaxEpochsPerSecond(200);
        std::vector<std::pair<core::RunId, core::WeightSnapshot>> got;
        connect(&controller, &TrainingController::snapshotArrived,
                [&got](core::RunId id, const core::WeightSnapshot& s) { got.emplace_back(id, s); });
        QSignalSpy finished(&controller, &TrainingController::runFinished);
        const core::RunConfig config = test::smallConfig(core::kMaxEpochs);
        const core::RunId watched = controller.start(config);
        const core::RunId unwatched = controller.start(test::smallConfig(30));
        const int viewA = 0;
        const int viewB = 0;
        controller.requestSnapshots(watched, &viewA, 10);
        controller.requestSnapshots(watched, &viewB, 5);  // the shortest period wins
        QTRY_VERIFY_WITH_TIMEOUT(got.size() >= 3, 10000);
        for (const auto& [id, snapshot] : got) {
            QCOMPARE(id, watched);
            QCOMPARE(snapshot.epoch % 5, 0);
            QCOMPARE(snapshot.weights.layers.size(), size_t{2});  // 2 -> 6 -> 2
            QCOMPARE(snapshot.weights.layers[0].weight.rows(), Eigen::Index{6});
            QCOMPARE(snapshot.weights.layers[0].weight.cols(), Eigen::Index{2});
        }
        for (size_t i = 1; i < got.size(); ++i) {
            QVERIFY(got[i].second.epoch > got[i - 1].second.epoch);  // newest only, in order
        }
        // The unwatched run trains to its end without a single snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(finished.begin(), finished.end(),
                                             [&](const QList<QVariant>& args) {
                                                 return args.at(0).value<core::RunId>() ==
                                                        unwatched;
                                             }),
                                 10000);
        controller.drain();
        QVERIFY(std::none_of(got.begin(), got.end(),
                             [&](const auto& entry) { return entry.first == unwatched; }));
        controller.stopAll();
    }
};

QTEST_MAIN(TestSnapshotRequests)
#include "test_snapshot_requests.moc"
