#pragma once

#include <optional>

#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/view_context.hpp"

class QLabel;

namespace lrscope::ui {

class NetworkDiagram;

// The selected run's network (the newest run while none is selected) with its weights: edges
// coloured by sign and as wide as |w| within their layer, nodes shaded by bias, values on
// hover. It follows a training run from weight snapshots and shows a finished run's final
// weights; drawing is cheap, so it happens in the GUI thread.
class NetworkView : public RunView {
public:
    NetworkView(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }

    NetworkDiagram* diagram() const { return diagram_; }
    core::RunId shownRun() const { return shown_; }
    // The epoch of the weights drawn now; -1 for final weights, nullopt for none.
    std::optional<int> drawnEpoch() const { return drawnEpoch_; }
    QString caption() const;

private:
    void follow();
    void show(core::RunId id);
    void draw(const core::NetworkWeights& weights, int epoch);

    ViewContext context_;
    QWidget* page_;
    QLabel* caption_;
    NetworkDiagram* diagram_;
    core::RunId shown_ = 0;
    std::optional<int> drawnEpoch_;
};

}  // namespace lrscope::ui
