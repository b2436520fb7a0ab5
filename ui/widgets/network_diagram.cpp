#include "ui/widgets/network_diagram.hpp"

#include <algorithm>

#include <QPainter>
#include <QPainterPath>

namespace lrscope::ui {

namespace {

constexpr int kMaxDrawnNodes = 7;  // per layer; wider layers are elided in the middle

// Vertical centres of the drawn nodes of a layer; -1 marks the ellipsis slot.
std::vector<int> drawnNodes(int size) {
    std::vector<int> nodes;
    if (size <= kMaxDrawnNodes) {
        for (int i = 0; i < size; ++i) {
            nodes.push_back(i);
        }
        return nodes;
    }
    const int head = (kMaxDrawnNodes - 1) / 2;
    for (int i = 0; i < head; ++i) {
        nodes.push_back(i);
    }
    nodes.push_back(-1);
    for (int i = size - (kMaxDrawnNodes - 1 - head); i < size; ++i) {
        nodes.push_back(i);
    }
    return nodes;
}

}  // namespace

NetworkDiagram::NetworkDiagram(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Shape of the network the next run trains: inputs, hidden layers, outputs."));
}

void NetworkDiagram::setLayerSizes(std::vector<int> sizes) {
    if (sizes != sizes_) {
        sizes_ = std::move(sizes);
        update();
    }
}

QSize NetworkDiagram::sizeHint() const {
    return {260, 100};
}

QSize NetworkDiagram::minimumSizeHint() const {
    return {160, 100};
}

void NetworkDiagram::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    if (sizes_.size() < 2) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("Network shape unknown until the data "
                            "and layers are valid"));
        return;
    }
    const int labelHeight = fontMetrics().height() + 2;
    const QRectF area = QRectF(rect()).adjusted(14, 8, -14, -labelHeight - 2);
    const int layers = static_cast<int>(sizes_.size());
    const double radius = std::clamp(area.height() / (2.6 * kMaxDrawnNodes), 3.0, 6.0);
    const double dx = layers > 1 ? area.width() / (layers - 1) : 0.0;

    // Node centres per layer (ellipsis slots keep their place but draw dots).
    std::vector<std::vector<QPointF>> centres(static_cast<size_t>(layers));
    std::vector<std::vector<bool>> isNode(static_cast<size_t>(layers));
    for (int l = 0; l < layers; ++l) {
        const std::vector<int> nodes = drawnNodes(sizes_[static_cast<size_t>(l)]);
        const double count = static_cast<double>(nodes.size());
        const double spacing = area.height() / kMaxDrawnNodes;
        const double top = area.center().y() - spacing * (count - 1) / 2.0;
        for (size_t i = 0; i < nodes.size(); ++i) {
            centres[static_cast<size_t>(l)].push_back(
                {area.left() + dx * l, top + spacing * static_cast<double>(i)});
            isNode[static_cast<size_t>(l)].push_back(nodes[i] >= 0);
        }
    }
    QColor edge = text;
    edge.setAlpha(45);
    painter.setPen(QPen(edge, 1.0));
    for (int l = 0; l + 1 < layers; ++l) {
        const auto& from = centres[static_cast<size_t>(l)];
        const auto& to = centres[static_cast<size_t>(l + 1)];
        for (size_t i = 0; i < from.size(); ++i) {
            for (size_t j = 0; j < to.size(); ++j) {
                if (isNode[static_cast<size_t>(l)][i] && isNode[static_cast<size_t>(l + 1)][j]) {
                    painter.drawLine(from[i], to[j]);
                }
            }
        }
    }
    const QColor inputColour(0x56, 0xB4, 0xE9);
    const QColor hiddenColour(0x99, 0x99, 0x99);
    const QColor outputColour(0xE6, 0x9F, 0x00);
    for (int l = 0; l < layers; ++l) {
        const QColor fill = l == 0 ? inputColour : (l == layers - 1 ? outputColour : hiddenColour);
        const auto& layer = centres[static_cast<size_t>(l)];
        for (size_t i = 0; i < layer.size(); ++i) {
            if (isNode[static_cast<size_t>(l)][i]) {
                painter.setPen(QPen(fill.darker(150), 1.0));
                painter.setBrush(fill);
                painter.drawEllipse(layer[i], radius, radius);
            } else {
                painter.setPen(Qt::NoPen);
                painter.setBrush(text);
                for (int k = -1; k <= 1; ++k) {
                    painter.drawEllipse(layer[i] + QPointF(0, k * radius * 0.9), 1.0, 1.0);
                }
            }
        }
        painter.setPen(text);
        const QString label = QString::number(sizes_[static_cast<size_t>(l)]);
        const QRectF box(area.left() + dx * l - 30, area.bottom() + 4, 60, labelHeight);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

}  // namespace lrscope::ui
