#pragma once

#include <memory>
#include <optional>

#include "core/analysis/plane_range.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "ui/views/latest_wins_worker.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/view_context.hpp"

class QLabel;

namespace lrscope::ui {

class BoundaryPlot;
class ProbabilityBars;
struct BoundaryData;
struct BoundaryPicture;

// The decision boundary of the selected run (the newest run while none is selected). While
// the run trains it follows it from weight snapshots; a finished run shows its final weights.
// Grids are computed on a worker thread, latest wins, so a fast run never queues up stale
// grids and the window never waits for one. Clicking the plane shows the class probabilities
// there as bars.
class BoundaryView : public RunView {
public:
    BoundaryView(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }
    QCustomPlot* exportablePlot() const override;

    // For tests and the GUI benchmark.
    BoundaryPlot* plot() const { return plot_; }
    ProbabilityBars* probabilities() const { return bars_; }
    core::RunId shownRun() const { return shown_; }
    // The epoch of the weights drawn now (nullopt: none yet); -1 for a run's final weights.
    std::optional<int> drawnEpoch() const { return drawnEpoch_; }
    long picturesShown() const { return picturesShown_; }
    const LatestWinsWorker& worker() const { return *worker_; }
    // Shows the class probabilities at a point of the plane (what a click does).
    void probe(core::PlanePoint point);

private:
    void follow();
    void show(core::RunId id);
    void submit(const core::NetworkWeights& weights, int epoch);
    void accept(long generation, int epoch, std::shared_ptr<const BoundaryPicture> picture,
                core::NetworkWeights weights);
    QString captionFor(int epoch) const;

    ViewContext context_;
    QWidget* page_;
    BoundaryPlot* plot_;
    ProbabilityBars* bars_;
    QLabel* probeLabel_;
    core::RunId shown_ = 0;
    std::shared_ptr<const BoundaryData> data_;
    std::optional<core::NetworkWeights> weights_;  // of the picture drawn now
    std::optional<core::PlanePoint> probePoint_;
    std::optional<int> drawnEpoch_;
    long generation_ = 0;  // bumped when the shown run changes: late pictures are dropped
    long picturesShown_ = 0;
    std::unique_ptr<LatestWinsWorker> worker_;  // last: joined before the rest goes
};

}  // namespace lrscope::ui
