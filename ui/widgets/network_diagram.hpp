#pragma once

#include <optional>
#include <vector>

#include <QPointF>
#include <QString>
#include <QWidget>

#include "core/nn/network_weights.hpp"

namespace lrscope::ui {

// A drawing of a network: one column of nodes per layer (inputs, hidden layers, outputs)
// joined by their connections, with each layer's width below. Wide layers show their first
// and last nodes around an ellipsis. Without weights it shows the shape (the panel's small
// diagram of the next run); with weights each edge is coloured by the sign of its weight
// (blue positive, orange negative) and drawn with a width by |w| scaled to the largest |w| of
// its layer, each node is shaded by its bias the same way, and hovering an edge or a node
// shows its value.
class NetworkDiagram : public QWidget {
    Q_OBJECT
public:
    explicit NetworkDiagram(QWidget* parent = nullptr);

    // sizes = {inputs, hidden..., outputs}; empty draws a hint that the shape is unknown.
    // Weights of another shape are dropped.
    void setLayerSizes(std::vector<int> sizes);
    const std::vector<int>& layerSizes() const { return sizes_; }
    // Weights whose shapes give the layer sizes (nullopt: the shape only).
    void setWeights(std::optional<core::NetworkWeights> weights);
    const std::optional<core::NetworkWeights>& weights() const { return weights_; }
    // Text shown instead of the drawing when there is no shape (empty: the panel's hint).
    void setEmptyText(const QString& text);

    // What hovering at `position` shows: "weight input 2 → hidden 1.3: -0.52" for an edge,
    // "bias of hidden 1.3: 0.1" for a node, "input 2" for an input, empty elsewhere or
    // without weights.
    QString describeAt(QPointF position) const;
    // Where an edge and a node are drawn now (for tests, and to hover them), by layer index
    // (0 = inputs) and node index within the layer; nullopt when elided.
    std::optional<QPointF> nodeCentre(int layer, int node) const;

    // Line width for |w| in a layer whose largest |w| is `layerMax`.
    static double edgeWidth(double absWeight, double layerMax);
    static QColor signColour(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Layout {
        double radius = 0.0;
        // Per layer, the drawn slots: node index (-1 for the ellipsis) and centre.
        std::vector<std::vector<int>> nodes;
        std::vector<std::vector<QPointF>> centres;
    };
    Layout layout() const;
    double layerMaxWeight(size_t layer) const;
    double layerMaxBias(size_t layer) const;

    std::vector<int> sizes_;
    std::optional<core::NetworkWeights> weights_;
    QString emptyText_;
};

}  // namespace lrscope::ui
