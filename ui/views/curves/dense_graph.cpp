#include "ui/views/curves/dense_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QPaintEngine>

namespace lrscope::ui {

namespace {

// Below this many points per pixel column QCustomPlot's own lines are cheap and exact.
constexpr double kMinPointsPerColumn = 2.0;

// Maps a value to its pixel on a linear or logarithmic axis, like QCPAxis::coordToPixel but
// without a call and a switch per point.
class PixelMap {
public:
    explicit PixelMap(const QCPAxis* axis)
        : log_(axis->scaleType() == QCPAxis::stLogarithmic),
          lower_(axis->range().lower),
          origin_(axis->coordToPixel(axis->range().lower)) {
        const double upper = axis->range().upper;
        const double span = log_ ? std::log(upper / lower_) : upper - lower_;
        scale_ = (axis->coordToPixel(upper) - origin_) / span;
    }
    // NaN for values a log axis cannot show.
    double operator()(double value) const {
        if (log_) {
            return value > 0.0 ? origin_ + std::log(value / lower_) * scale_
                               : std::numeric_limits<double>::quiet_NaN();
        }
        return origin_ + (value - lower_) * scale_;
    }

private:
    bool log_;
    double lower_;
    double origin_;
    double scale_ = 0.0;
};

// Which pixel columns a pen's dash pattern leaves on, measured along x from the axis rect's
// left edge so the dashes stand still while the curve grows.
class DashColumns {
public:
    explicit DashColumns(const QPen& pen) {
        if (pen.style() == Qt::SolidLine) {
            return;
        }
        const double width = std::max(1.0, pen.widthF());
        for (const double length : pen.dashPattern()) {
            pattern_.push_back(std::max(1, static_cast<int>(std::lround(length * width))));
            cycle_ += pattern_.back();
        }
    }
    bool on(int column) const {
        if (cycle_ == 0) {
            return true;
        }
        int offset = ((column % cycle_) + cycle_) % cycle_;
        for (size_t i = 0; i < pattern_.size(); ++i) {
            if (offset < pattern_[i]) {
                return i % 2 == 0;
            }
            offset -= pattern_[i];
        }
        return true;
    }

private:
    std::vector<int> pattern_;
    int cycle_ = 0;
};

}  // namespace

DenseGraph::DenseGraph(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPGraph(keyAxis, valueAxis), storage_(QSharedPointer<Storage>::create()) {
    setData(storage_.staticCast<QCPGraphDataContainer>());
}

void DenseGraph::reserve(int points) {
    storage_->reserve(points);
}

void DenseGraph::appendSorted(const QVector<double>& keys, const QVector<double>& values) {
    storage_->append(keys, values);
}

void DenseGraph::Storage::append(const QVector<double>& keys, const QVector<double>& values) {
    const qsizetype n = std::min(keys.size(), values.size());
    const bool sorted = std::is_sorted(keys.begin(), keys.begin() + n) &&
                        (n == 0 || isEmpty() || keys.front() >= (constEnd() - 1)->key);
    if (!sorted) {
        // QCustomPlot's own insertion sorts and merges.
        QVector<QCPGraphData> points;
        points.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            points.append(QCPGraphData(keys[i], values[i]));
        }
        add(points, false);
        return;
    }
    // Appending in order at the end keeps the container's invariants and its reserved
    // capacity (add() on an empty container would replace the storage with a new one).
    for (qsizetype i = 0; i < n; ++i) {
        mData.append(QCPGraphData(keys[i], values[i]));
    }
}

void DenseGraph::draw(QCPPainter* painter) {
    drewColumns_ = columnPathApplies(painter) && drawColumns(painter);
    if (!drewColumns_) {
        QCPGraph::draw(painter);
    }
}

bool DenseGraph::columnPathApplies(const QCPPainter* painter) const {
    const QCPAxis* key = keyAxis();
    const QCPAxis* value = valueAxis();
    if (key == nullptr || value == nullptr || key->orientation() != Qt::Horizontal ||
        key->scaleType() != QCPAxis::stLinear || lineStyle() != lsLine ||
        !scatterStyle().isNone() || brush().style() != Qt::NoBrush || selected()) {
        return false;
    }
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || painter->paintEngine() == nullptr ||
        painter->paintEngine()->type() != QPaintEngine::Raster ||
        painter->transform().type() > QTransform::TxTranslate ||
        painter->device()->devicePixelRatioF() != 1.0) {
        return false;
    }
    // The same rule QCustomPlot applies before stroking: the plot's exclusions win, then the
    // plot's inclusions, then the graph's own flag.
    const QCP::AntialiasedElements off = parentPlot()->notAntialiasedElements();
    const QCP::AntialiasedElements on = parentPlot()->antialiasedElements();
    const bool smooth =
        !off.testFlag(QCP::aePlottables) && (on.testFlag(QCP::aePlottables) || antialiased());
    return !smooth && pen().widthF() <= 1.0 && pen().brush().style() == Qt::SolidPattern;
}

bool DenseGraph::drawColumns(QCPPainter* painter) const {
    QCPGraphDataContainer::const_iterator begin;
    QCPGraphDataContainer::const_iterator end;
    getVisibleDataBounds(begin, end, QCPDataRange(0, dataCount()));
    if (end - begin < 2) {
        return false;
    }
    const PixelMap toX(keyAxis());
    const PixelMap toY(valueAxis());
    const double columns = std::abs(toX((end - 1)->key) - toX(begin->key)) + 1.0;
    if (static_cast<double>(end - begin) < kMinPointsPerColumn * columns) {
        return false;
    }
    // Values far outside the plot are clamped just beyond its edge: the run still reaches the
    // edge, and a diverged value of 1e300 does not make a huge rectangle.
    const QRect area = keyAxis()->axisRect()->rect();
    const double yLow = area.top() - 2.0;
    const double yHigh = area.bottom() + 2.0;
    const DashColumns dashes(pen());

    QVector<QRect> runs;
    runs.reserve(static_cast<qsizetype>(columns) + 2);
    // Pixel (x, y) covers [x, x + 1) x [y, y + 1), as in Qt's aliased drawing. A column inks
    // the rows whose centres its values pass, or the one row they stay within.
    bool open = false;
    int column = 0;
    double low = 0.0;
    double high = 0.0;
    int bridgeLow = 0;  // rows added to join a neighbouring column
    int bridgeHigh = 0;
    double last = 0.0;
    const auto row = [](double y) { return static_cast<int>(std::floor(y)); };
    const auto closeColumn = [&] {
        if (!open || !dashes.on(column - area.left())) {
            return;
        }
        int top = static_cast<int>(std::ceil(low - 0.5));
        int bottom = static_cast<int>(std::floor(high - 0.5));
        if (top > bottom) {
            top = bottom = row(0.5 * (low + high));
        }
        top = std::min(top, bridgeLow);
        bottom = std::max(bottom, bridgeHigh);
        runs.append(QRect(column, top, 1, bottom - top + 1));
    };
    for (auto it = begin; it != end; ++it) {
        const double mapped = toY(it->value);
        if (!std::isfinite(mapped) || !std::isfinite(it->key)) {
            // A gap (a value a log axis cannot show): the line breaks, as QCustomPlot's does.
            closeColumn();
            open = false;
            continue;
        }
        const int x = static_cast<int>(std::floor(toX(it->key)));
        const double y = std::clamp(mapped, yLow, yHigh);
        if (open && x == column) {
            low = std::min(low, y);
            high = std::max(high, y);
            last = y;
            continue;
        }
        // A jump of more than a pixel between two columns is split between them, as a line
        // drawn from one to the other would be, so steep stretches stay joined.
        int start = row(y);
        if (open && std::abs(row(y) - row(last)) > 1) {
            const int middle = (row(last) + row(y)) / 2;
            bridgeLow = std::min(bridgeLow, middle);
            bridgeHigh = std::max(bridgeHigh, middle);
            start = row(y) > row(last) ? middle + 1 : middle - 1;
        }
        closeColumn();
        low = high = last = y;
        bridgeLow = std::min(start, row(y));
        bridgeHigh = std::max(start, row(y));
        column = x;
        open = true;
    }
    closeColumn();
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen().color());
    painter->drawRects(runs.constData(), static_cast<int>(runs.size()));
    return true;
}

void DenseGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const {
    constexpr double kMargin = 4000.0;
    const QRectF area = keyAxis()->axisRect()->rect();
    QVector<QPointF> clamped = lines;
    for (QPointF& point : clamped) {
        // NaN marks a gap in the line: kept as it is.
        if (!std::isnan(point.x()) && !std::isnan(point.y())) {
            point.setX(std::clamp(point.x(), area.left() - kMargin, area.right() + kMargin));
            point.setY(std::clamp(point.y(), area.top() - kMargin, area.bottom() + kMargin));
        }
    }
    QCPGraph::drawLinePlot(painter, clamped);
}

}  // namespace lrscope::ui
