// The network weights view in the real window: a finished run shows exactly its final
// weights, a training run is followed from snapshots, hovering an edge or a node names its
// value; and the diagram's drawing rules (colour by sign, width by |w| within the layer,
// wide layers elided).
#include <QTemporaryDir>
#include <QTest>

#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/views/network/network_view.hpp"
#include "ui/widgets/network_diagram.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

namespace {

bool sameWeights(const core::NetworkWeights& a, const core::NetworkWeights& b) {
    if (a.layers.size() != b.layers.size()) {
        return false;
    }
    for (size_t l = 0; l < a.layers.size(); ++l) {
        if (a.layers[l].weight != b.layers[l].weight || a.layers[l].bias != b.layers[l].bias) {
            return false;
        }
    }
    return true;
}

}  // namespace

class TestNetworkView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;

    ui::MainWindow& window() { return *window_; }
    ui::NetworkView& view() {
        return *dynamic_cast<ui::NetworkView*>(window_->view(QStringLiteral("network")));
    }
    const ui::Run& run(core::RunId id) { return *window_->store().run(id); }
    core::RunId trainWith(const core::RunConfig& config) {
        if (!window().panel().setConfig(config).isEmpty()) {
            return 0;
        }
        window().commands().trainAction()->trigger();
        return window().store().empty() ? 0 : window().store().runs().back().id;
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

    void aFinishedRunShowsItsFinalWeights() {
        window().controller().setMaxEpochsPerSecond(0.0);
        const core::RunId id = trainWith(test::smallConfig(15));
        QVERIFY(id != 0);
        QTRY_VERIFY_WITH_TIMEOUT(isFinished(run(id).state), 20000);
        QCOMPARE(view().shownRun(), id);
        QCOMPARE(view().drawnEpoch(), std::optional<int>(-1));
        QVERIFY(view().diagram()->weights().has_value());
        QVERIFY(sameWeights(*view().diagram()->weights(), *run(id).finalWeights));
        QCOMPARE(view().diagram()->layerSizes(), (std::vector<int>{2, 6, 2}));
        QVERIFY(view().caption().contains(QStringLiteral("final weights (epoch 15)")));
    }

    void aTrainingRunIsFollowedFromSnapshots() {
        window().controller().setMaxEpochsPerSecond(200.0);
        const core::RunId id = trainWith(test::smallConfig(core::kMaxEpochs));
        QVERIFY(id != 0);
        std::vector<int> epochs;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto epoch = view().drawnEpoch();
                if (epoch && (epochs.empty() || epochs.back() != *epoch)) {
                    epochs.push_back(*epoch);
                }
                return epochs.size() >= 3;
            },
            20000));
        QVERIFY(std::is_sorted(epochs.begin(), epochs.end()));
        QCOMPARE(run(id).state, ui::RunState::Training);
        QVERIFY(view().caption().contains(QStringLiteral("weights after epoch")));
        window().commands().stopAllAction()->trigger();
    }

    void hoveringAnEdgeOrANodeNamesItsValue() {
        ui::NetworkDiagram diagram;
        diagram.resize(400, 240);
        core::NetworkWeights weights;
        core::LayerWeights first;
        first.weight = core::Matrix(3, 2);
        first.weight << 0.5, -1.25, 2.0, 0.0, -0.75, 0.1;
        first.bias = core::Vector(3);
        first.bias << 0.3, -0.2, 0.0;
        core::LayerWeights second;
        second.weight = core::Matrix(1, 3);
        second.weight << 1.5, -2.5, 0.25;
        second.bias = core::Vector(1);
        second.bias << -0.125;
        weights.layers = {first, second};
        diagram.setWeights(weights);
        QCOMPARE(diagram.layerSizes(), (std::vector<int>{2, 3, 1}));

        // A point on the edge from input 2 to hidden node 1 (away from where edges cross)
        // carries w[0][1] = -1.25.
        const QPointF from = *diagram.nodeCentre(0, 1);
        const QPointF to = *diagram.nodeCentre(1, 0);
        QCOMPARE(
            diagram.describeAt(from + 0.3 * (to - from)),
            QStringLiteral("weight input 2 → hidden 1.1: %1").arg(ui::compactNumber(-1.25, 4)));
        QCOMPARE(diagram.describeAt(*diagram.nodeCentre(2, 0)),
                 QStringLiteral("bias of output 1: %1").arg(ui::compactNumber(-0.125, 4)));
        QCOMPARE(diagram.describeAt(*diagram.nodeCentre(0, 0)), QStringLiteral("input 1"));
        QCOMPARE(diagram.describeAt(QPointF(2, 2)), QString());
    }

    void edgesAreColouredBySignAndWidenedByMagnitudeWithinTheirLayer() {
        QVERIFY(ui::NetworkDiagram::signColour(0.3) != ui::NetworkDiagram::signColour(-0.3));
        QCOMPARE(ui::NetworkDiagram::signColour(0.3), ui::NetworkDiagram::signColour(7.0));
        const double thin = ui::NetworkDiagram::edgeWidth(0.1, 2.0);
        const double mid = ui::NetworkDiagram::edgeWidth(1.0, 2.0);
        const double widest = ui::NetworkDiagram::edgeWidth(2.0, 2.0);
        QVERIFY(thin < mid && mid < widest);
        // Scaled per layer: the largest |w| of any layer gets the widest line.
        QCOMPARE(ui::NetworkDiagram::edgeWidth(0.01, 0.01), widest);
        QCOMPARE(ui::NetworkDiagram::edgeWidth(0.0, 0.0), ui::NetworkDiagram::edgeWidth(0.0, 1.0));
    }

    void wideLayersShowTheirFirstAndLastNodes() {
        ui::NetworkDiagram diagram;
        diagram.resize(400, 240);
        diagram.setLayerSizes({2, 64, 3});
        QVERIFY(diagram.nodeCentre(1, 0).has_value());
        QVERIFY(diagram.nodeCentre(1, 63).has_value());
        QVERIFY(!diagram.nodeCentre(1, 30).has_value());  // behind the ellipsis
        QVERIFY(diagram.nodeCentre(2, 2).has_value());
    }
};

QTEST_MAIN(TestNetworkView)
#include "test_network_view.moc"
