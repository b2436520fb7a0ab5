#include "ui/widgets/network_diagram.hpp"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

namespace {

constexpr int kMaxDrawnNodes = 7;       // per layer; wider layers are elided in the middle
constexpr double kHoverDistance = 4.0;  // pixels from an edge's line

// Node indices of the drawn slots of a layer; -1 marks the ellipsis slot.
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

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF closest = a + t * ab;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
}

// A node as a reader names it, counting from 1: "input 2", "hidden 1.3" (layer 1, node 3),
// "output 1".
QString nodeName(int layer, int node, int layers) {
    if (layer == 0) {
        return QObject::tr("input %1").arg(node + 1);
    }
    if (layer == layers - 1) {
        return QObject::tr("output %1").arg(node + 1);
    }
    return QObject::tr("hidden %1.%2").arg(layer).arg(node + 1);
}

std::vector<int> sizesOf(const core::NetworkWeights& weights) {
    std::vector<int> sizes;
    if (!weights.layers.empty()) {
        sizes.push_back(static_cast<int>(weights.layers.front().weight.cols()));
    }
    for (const auto& layer : weights.layers) {
        sizes.push_back(static_cast<int>(layer.weight.rows()));
    }
    return sizes;
}

}  // namespace

NetworkDiagram::NetworkDiagram(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Shape of the network the next run trains: inputs, hidden layers, outputs."));
}

void NetworkDiagram::setLayerSizes(std::vector<int> sizes) {
    if (sizes != sizes_) {
        sizes_ = std::move(sizes);
        if (weights_ && sizesOf(*weights_) != sizes_) {
            weights_.reset();
        }
        update();
    }
}

void NetworkDiagram::setWeights(std::optional<core::NetworkWeights> weights) {
    weights_ = std::move(weights);
    if (weights_) {
        sizes_ = sizesOf(*weights_);
    }
    setMouseTracking(weights_.has_value());
    update();
}

void NetworkDiagram::setEmptyText(const QString& text) {
    emptyText_ = text;
    update();
}

QSize NetworkDiagram::sizeHint() const {
    return {260, 100};
}

QSize NetworkDiagram::minimumSizeHint() const {
    return {160, 100};
}

double NetworkDiagram::edgeWidth(double absWeight, double layerMax) {
    constexpr double kThinnest = 0.4;
    constexpr double kThickest = 4.5;
    if (!(layerMax > 0.0)) {
        return kThinnest;
    }
    return kThinnest + (kThickest - kThinnest) * std::clamp(absWeight / layerMax, 0.0, 1.0);
}

QColor NetworkDiagram::signColour(double value) {
    // The blue and orange of the run palette: apart for colour-blind readers too.
    return value >= 0.0 ? QColor(0x00, 0x72, 0xB2) : QColor(0xD5, 0x5E, 0x00);
}

double NetworkDiagram::layerMaxWeight(size_t layer) const {
    return weights_->layers[layer].weight.cwiseAbs().maxCoeff();
}

double NetworkDiagram::layerMaxBias(size_t layer) const {
    const core::Vector& bias = weights_->layers[layer].bias;
    return bias.size() == 0 ? 0.0 : bias.cwiseAbs().maxCoeff();
}

NetworkDiagram::Layout NetworkDiagram::layout() const {
    Layout out;
    const int labelHeight = fontMetrics().height() + 2;
    const QRectF area = QRectF(rect()).adjusted(14, 8, -14, -labelHeight - 2);
    const int layers = static_cast<int>(sizes_.size());
    out.radius = std::clamp(area.height() / (2.6 * kMaxDrawnNodes), 3.0, 11.0);
    const double dx = layers > 1 ? area.width() / (layers - 1) : 0.0;
    const double spacing = area.height() / kMaxDrawnNodes;
    for (int l = 0; l < layers; ++l) {
        const std::vector<int> nodes = drawnNodes(sizes_[static_cast<size_t>(l)]);
        const double count = static_cast<double>(nodes.size());
        const double top = area.center().y() - spacing * (count - 1) / 2.0;
        std::vector<QPointF> centres;
        for (size_t i = 0; i < nodes.size(); ++i) {
            centres.push_back({area.left() + dx * l, top + spacing * static_cast<double>(i)});
        }
        out.nodes.push_back(nodes);
        out.centres.push_back(std::move(centres));
    }
    return out;
}

std::optional<QPointF> NetworkDiagram::nodeCentre(int layer, int node) const {
    const Layout lay = layout();
    if (layer < 0 || layer >= static_cast<int>(lay.nodes.size())) {
        return std::nullopt;
    }
    const auto& nodes = lay.nodes[static_cast<size_t>(layer)];
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i] == node) {
            return lay.centres[static_cast<size_t>(layer)][i];
        }
    }
    return std::nullopt;
}

void NetworkDiagram::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    if (sizes_.size() < 2) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         emptyText_.isEmpty() ? tr("Network shape unknown until the data "
                                                   "and layers are valid")
                                              : emptyText_);
        return;
    }
    const Layout lay = layout();
    const size_t layers = lay.nodes.size();
    QColor plainEdge = text;
    plainEdge.setAlpha(45);
    for (size_t l = 0; l + 1 < layers; ++l) {
        const double layerMax = weights_ ? layerMaxWeight(l) : 0.0;
        for (size_t i = 0; i < lay.nodes[l].size(); ++i) {
            for (size_t j = 0; j < lay.nodes[l + 1].size(); ++j) {
                const int from = lay.nodes[l][i];
                const int to = lay.nodes[l + 1][j];
                if (from < 0 || to < 0) {
                    continue;
                }
                if (weights_) {
                    const double w = weights_->layers[l].weight(to, from);
                    QColor colour = signColour(w);
                    colour.setAlpha(190);
                    painter.setPen(QPen(colour, edgeWidth(std::abs(w), layerMax)));
                } else {
                    painter.setPen(QPen(plainEdge, 1.0));
                }
                painter.drawLine(lay.centres[l][i], lay.centres[l + 1][j]);
            }
        }
    }
    const QColor inputColour(0x56, 0xB4, 0xE9);
    const QColor hiddenColour(0x99, 0x99, 0x99);
    const QColor outputColour(0xE6, 0x9F, 0x00);
    for (size_t l = 0; l < layers; ++l) {
        QColor fill = l == 0 ? inputColour : (l == layers - 1 ? outputColour : hiddenColour);
        const double biasMax = weights_ && l > 0 ? layerMaxBias(l - 1) : 0.0;
        for (size_t i = 0; i < lay.nodes[l].size(); ++i) {
            const QPointF centre = lay.centres[l][i];
            const int node = lay.nodes[l][i];
            if (node < 0) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(text);
                for (int k = -1; k <= 1; ++k) {
                    painter.drawEllipse(centre + QPointF(0, k * lay.radius * 0.9), 1.0, 1.0);
                }
                continue;
            }
            if (weights_ && l > 0) {
                // White for bias 0, the sign's colour at the layer's largest |bias|.
                const double b = weights_->layers[l - 1].bias(node);
                const double share = biasMax > 0.0 ? std::abs(b) / biasMax : 0.0;
                const QColor sign = signColour(b);
                const auto mix = [share](int c) {
                    return static_cast<int>(255.0 + (c - 255.0) * share + 0.5);
                };
                fill = QColor(mix(sign.red()), mix(sign.green()), mix(sign.blue()));
                painter.setPen(QPen(QColor(0x50, 0x50, 0x50), 1.0));
            } else {
                painter.setPen(QPen(fill.darker(150), 1.0));
            }
            painter.setBrush(fill);
            painter.drawEllipse(centre, lay.radius, lay.radius);
        }
        painter.setPen(text);
        const QString label = QString::number(sizes_[l]);
        const int labelHeight = fontMetrics().height() + 2;
        const QRectF box(lay.centres[l].front().x() - 30, height() - labelHeight + 2, 60,
                         labelHeight);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

QString NetworkDiagram::describeAt(QPointF position) const {
    if (!weights_ || sizes_.size() < 2) {
        return {};
    }
    const Layout lay = layout();
    for (size_t l = 0; l < lay.nodes.size(); ++l) {
        for (size_t i = 0; i < lay.nodes[l].size(); ++i) {
            const QPointF d = position - lay.centres[l][i];
            if (lay.nodes[l][i] >= 0 && std::hypot(d.x(), d.y()) <= lay.radius + 1.0) {
                const int node = lay.nodes[l][i];
                if (l == 0) {
                    return tr("input %1").arg(node + 1);
                }
                return tr("bias of %1: %2")
                    .arg(nodeName(static_cast<int>(l), node, static_cast<int>(lay.nodes.size())),
                         compactNumber(weights_->layers[l - 1].bias(node), 4));
            }
        }
    }
    double best = kHoverDistance;
    QString found;
    for (size_t l = 0; l + 1 < lay.nodes.size(); ++l) {
        for (size_t i = 0; i < lay.nodes[l].size(); ++i) {
            for (size_t j = 0; j < lay.nodes[l + 1].size(); ++j) {
                const int from = lay.nodes[l][i];
                const int to = lay.nodes[l + 1][j];
                if (from < 0 || to < 0) {
                    continue;
                }
                const double d =
                    distanceToSegment(position, lay.centres[l][i], lay.centres[l + 1][j]);
                if (d < best) {
                    best = d;
                    found = tr("weight %1 → %2: %3")
                                .arg(nodeName(static_cast<int>(l), from,
                                              static_cast<int>(lay.nodes.size())),
                                     nodeName(static_cast<int>(l + 1), to,
                                              static_cast<int>(lay.nodes.size())),
                                     compactNumber(weights_->layers[l].weight(to, from), 4));
                }
            }
        }
    }
    return found;
}

void NetworkDiagram::mouseMoveEvent(QMouseEvent* event) {
    if (weights_) {
        const QString text = describeAt(event->position());
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
        }
    }
    QWidget::mouseMoveEvent(event);
}

}  // namespace lrscope::ui
