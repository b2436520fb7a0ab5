#pragma once

#include <vector>

#include <QWidget>

namespace lrscope::ui {

// A small live drawing of the network's shape: one column of nodes per layer (inputs,
// hidden layers, outputs) joined by their connections, with each layer's width below.
// Wide layers show their first and last nodes around an ellipsis.
class NetworkDiagram : public QWidget {
    Q_OBJECT
public:
    explicit NetworkDiagram(QWidget* parent = nullptr);

    // sizes = {inputs, hidden..., outputs}; empty draws a hint that the shape is unknown.
    void setLayerSizes(std::vector<int> sizes);
    const std::vector<int>& layerSizes() const { return sizes_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int> sizes_;
};

}  // namespace lrscope::ui
