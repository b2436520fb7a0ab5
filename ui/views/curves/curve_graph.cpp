#include "ui/views/curves/curve_graph.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <QImage>
#include <QPaintEngine>

#include "ui/views/curves/curve_cache.hpp"

namespace lrscope::ui {

namespace {

// Below this many entries per pixel column QCustomPlot's own lines are cheap and exact.
constexpr double kMinPointsPerColumn = 2.0;

// Entries read at once when walking through a curve: the buffers stay on the stack, and the
// source is asked once per chunk rather than once per point.
constexpr std::size_t kChunk = 256;

// The points QCPGraph draws from, for one draw at a time: every CurveGraph of a thread shares
// them, and their memory is kept between draws up to this many points (2 MB), so that a draw
// allocates nothing.
constexpr qsizetype kKeptScratchPoints = qsizetype{1} << 17;

QVector<QCPGraphData>& scratchPoints() {
    thread_local QVector<QCPGraphData> points;
    return points;
}

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

// Sets the pixels of one-pixel-wide runs within `clip` to an opaque colour, as QPainter fills
// aliased rects with an opaque brush.
void setPixels(QImage& image, QRect clip, const QVector<QRect>& runs, QRgb colour) {
    clip &= image.rect();
    uchar* const bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    for (const QRect& run : runs) {
        const int x = run.left();
        if (x < clip.left() || x > clip.right()) {
            continue;
        }
        const int top = std::max(run.top(), clip.top());
        const int bottom = std::min(run.bottom(), clip.bottom());
        for (int y = top; y <= bottom; ++y) {
            reinterpret_cast<QRgb*>(bits + y * stride)[x] = colour;
        }
    }
}

}  // namespace

CurveGraph::CurveGraph(QCPAxis* keyAxis, QCPAxis* valueAxis, const CurvePoints* points)
    : QCPGraph(keyAxis, valueAxis), points_(points) {}

void CurveGraph::setPoints(const CurvePoints* points) {
    points_ = points;
    counted_ = {};
}

std::size_t CurveGraph::pointsBefore(std::size_t entry) const {
    // A source only grows, so the count goes on from the last one; a draw that starts further
    // left (the view panned back) counts again from the start.
    if (entry < counted_.entries) {
        counted_ = {};
    }
    forEachPoint({counted_.entries, entry}, [this](double, double) { ++counted_.points; });
    counted_.entries = entry;
    return counted_.points;
}

template <typename F>
std::size_t CurveGraph::findPoint(Entries entries, F&& f) const {
    std::array<double, kChunk> keys{};
    std::array<double, kChunk> values{};
    for (std::size_t at = entries.first; at < entries.last; at += kChunk) {
        const std::size_t count = std::min(kChunk, entries.last - at);
        points_->read(at, count, keys.data(), values.data());
        for (std::size_t i = 0; i < count; ++i) {
            if (!std::isnan(keys[i]) && f(keys[i], values[i])) {
                return at + i;
            }
        }
    }
    return entries.last;
}

template <typename F>
void CurveGraph::forEachPoint(Entries entries, F&& f) const {
    findPoint(entries, [&f](double key, double value) {
        f(key, value);
        return false;
    });
}

std::size_t CurveGraph::firstMarker(Entries entries, std::size_t period) const {
    if (pointCount() == entryCount()) {
        // Every entry is a point, so an entry's place is its index.
        return std::min(entries.last, (entries.first + period - 1) / period * period);
    }
    std::size_t place = pointsBefore(entries.first);
    return findPoint(entries, [&place, period](double, double) { return place++ % period == 0; });
}

bool CurveGraph::isPoint(std::size_t entry) const {
    double key = 0.0;
    double value = 0.0;
    points_->read(entry, 1, &key, &value);
    return !std::isnan(key);
}

std::size_t CurveGraph::lowerBound(double key) const {
    std::size_t low = 0;
    std::size_t high = entryCount();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (points_->keyOf(middle) < key) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

std::size_t CurveGraph::upperBound(double key) const {
    std::size_t low = 0;
    std::size_t high = entryCount();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (points_->keyOf(middle) <= key) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

CurveGraph::Entries CurveGraph::entriesInView() const {
    const std::size_t count = entryCount();
    if (count == 0 || pointCount() == 0 || keyAxis() == nullptr) {
        return {};
    }
    // As QCPGraph::getVisibleDataBounds: from the last point before the range to the first
    // point after it.
    const QCPRange range = keyAxis()->range();
    Entries entries{lowerBound(range.lower), upperBound(range.upper)};
    for (std::size_t e = entries.first; e > 0; --e) {
        if (isPoint(e - 1)) {
            entries.first = e - 1;
            break;
        }
    }
    for (std::size_t e = entries.last; e < count; ++e) {
        if (isPoint(e)) {
            entries.last = e + 1;
            break;
        }
    }
    return entries;
}

std::vector<QCPGraphData> CurveGraph::points() const {
    std::vector<QCPGraphData> all;
    all.reserve(pointCount());
    forEachPoint({0, entryCount()},
                 [&all](double key, double value) { all.emplace_back(key, value); });
    return all;
}

std::optional<QCPGraphData> CurveGraph::firstPointFrom(double key) const {
    double k = 0.0;
    double v = 0.0;
    for (std::size_t e = lowerBound(key); e < entryCount(); ++e) {
        points_->read(e, 1, &k, &v);
        if (!std::isnan(k)) {
            return QCPGraphData(k, v);
        }
    }
    return std::nullopt;
}

std::optional<QCPGraphData> CurveGraph::lastValuedPoint() const {
    double k = 0.0;
    double v = 0.0;
    for (std::size_t e = entryCount(); e > 0; --e) {
        points_->read(e - 1, 1, &k, &v);
        if (!std::isnan(k) && !std::isnan(v)) {
            return QCPGraphData(k, v);
        }
    }
    return std::nullopt;
}

std::optional<QCPGraphData> CurveGraph::nearestPoint(double key) const {
    const std::size_t from = lowerBound(key);
    const std::optional<QCPGraphData> after = firstPointFrom(key);
    std::optional<QCPGraphData> before;
    double k = 0.0;
    double v = 0.0;
    for (std::size_t e = from; e > 0 && !before; --e) {
        points_->read(e - 1, 1, &k, &v);
        if (!std::isnan(k)) {
            before = QCPGraphData(k, v);
        }
    }
    if (!before || !after) {
        return before ? before : after;
    }
    // QCPItemTracer::updatePosition without interpolation.
    return key < 0.5 * (before->key + after->key) ? before : after;
}

QCPRange CurveGraph::getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain) const {
    // As QCPDataContainer::keyRange: the keys of the points that are not gaps.
    QCPRange range;
    foundRange = false;
    forEachPoint({0, entryCount()}, [&](double key, double value) {
        if (std::isnan(value) || (inSignDomain == QCP::sdNegative && key >= 0.0) ||
            (inSignDomain == QCP::sdPositive && key <= 0.0)) {
            return;
        }
        range = foundRange ? QCPRange(std::min(range.lower, key), std::max(range.upper, key))
                           : QCPRange(key, key);
        foundRange = true;
    });
    return range;
}

QCPRange CurveGraph::getValueRange(bool& foundRange, QCP::SignDomain inSignDomain,
                                   const QCPRange& inKeyRange) const {
    // As QCPDataContainer::valueRange.
    const bool restrictKeys = inKeyRange != QCPRange();
    QCPRange range;
    foundRange = false;
    forEachPoint({0, entryCount()}, [&](double key, double value) {
        if (std::isnan(value) || (restrictKeys && !inKeyRange.contains(key)) ||
            (inSignDomain == QCP::sdNegative && value >= 0.0) ||
            (inSignDomain == QCP::sdPositive && value <= 0.0)) {
            return;
        }
        range = foundRange ? QCPRange(std::min(range.lower, value), std::max(range.upper, value))
                           : QCPRange(value, value);
        foundRange = true;
    });
    return range;
}

void CurveGraph::draw(QCPPainter* painter) {
    if (cache_ != nullptr && cache_->drawsCurves()) {
        return;  // the cache below drew this curve
    }
    drawEntries(painter, std::nullopt, {});
}

void CurveGraph::drawFor(QCPPainter* painter, std::optional<QCPRange> keys, CurvePixels pixels) {
    applyDefaultAntialiasingHint(painter);
    drawEntries(painter, keys, pixels);
}

void CurveGraph::drawEntries(QCPPainter* painter, std::optional<QCPRange> keys,
                             CurvePixels pixels) {
    const Entries inView = entriesInView();
    // Whether to draw column by column is decided on the whole view, so that a draw of a few
    // columns takes the path a full draw takes.
    drewColumns_ = columnPathApplies(painter) && denseEnough(inView);
    const Entries entries = drewColumns_ && keys ? entriesAround(inView, *keys) : inView;
    if (!drewColumns_) {
        drawFromContainer(painter, entries);
        return;
    }
    drawColumns(painter, entries, pixels);
    if (!scatterStyle().isNone()) {
        // The markers over the columns, as QCPGraph draws them, without its line.
        const LineStyle line = mLineStyle;
        mLineStyle = lsNone;
        drawFromContainer(painter, entries);
        mLineStyle = line;
    }
}

CurveGraph::Entries CurveGraph::entriesAround(Entries inView, QCPRange keys) const {
    Entries entries{std::max(inView.first, lowerBound(keys.lower)),
                    std::min(inView.last, upperBound(keys.upper))};
    if (entries.first >= entries.last) {
        entries.last = entries.first;
    }
    // Two points either side: the columns at the range's ends join their neighbours.
    for (int found = 0; found < 2 && entries.first > inView.first;) {
        --entries.first;
        found += isPoint(entries.first) ? 1 : 0;
    }
    for (int found = 0; found < 2 && entries.last < inView.last;) {
        found += isPoint(entries.last) ? 1 : 0;
        ++entries.last;
    }
    return entries;
}

void CurveGraph::drawFromContainer(QCPPainter* painter, Entries entries) {
    if (entries.count() == 0) {
        return;
    }
    if (!scatterStyle().isNone() && scatterSkip() > 0) {
        if (mLineStyle != lsNone) {
            // The line from every entry, then the markers, in the order QCPGraph draws them.
            const QCPScatterStyle markers = mScatterStyle;
            mScatterStyle = QCPScatterStyle();
            drawFromContainer(painter, entries);
            mScatterStyle = markers;
            const LineStyle line = mLineStyle;
            mLineStyle = lsNone;
            drawFromContainer(painter, entries);
            mLineStyle = line;
            return;
        }
        // QCPGraph marks every (skip + 1)-th point of its container, counted from its start:
        // the container starts on the first point whose place in the whole curve is such a
        // multiple, so the markers stay on their points while the view pans. (Found forwards:
        // a skip is as long as a run's planned epochs allow, far longer than a view.)
        entries.first = firstMarker(entries, static_cast<std::size_t>(scatterSkip()) + 1);
        if (entries.count() == 0) {
            return;
        }
    }
    QVector<QCPGraphData>& inView = scratchPoints();
    inView.clear();
    inView.reserve(static_cast<qsizetype>(entries.count()));
    // QCPGraphData's constructors are in QCustomPlot's library, and a call per point made this
    // loop cost more than the draw it feeds: one point is built, then copied.
    QCPGraphData point;
    forEachPoint(entries, [&inView, &point](double key, double value) {
        point.key = key;
        point.value = value;
        inView.append(point);
    });
    auto container = QSharedPointer<QCPGraphDataContainer>::create();
    container->set(inView, true);                                      // shares inView's storage
    const QSharedPointer<QCPGraphDataContainer> own = mDataContainer;  // empty
    mDataContainer = container;
    QCPGraph::draw(painter);
    mDataContainer = own;
    container.reset();
    if (inView.capacity() > kKeptScratchPoints) {
        inView = QVector<QCPGraphData>();
    }
}

bool CurveGraph::columnPathApplies(const QCPPainter* painter) const {
    const QCPAxis* key = keyAxis();
    const QCPAxis* value = valueAxis();
    if (key == nullptr || value == nullptr || key->orientation() != Qt::Horizontal ||
        key->scaleType() != QCPAxis::stLinear || lineStyle() != lsLine ||
        brush().style() != Qt::NoBrush || selected()) {
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

bool CurveGraph::denseEnough(Entries entries) const {
    if (entries.count() < 2) {
        return false;
    }
    const PixelMap toX(keyAxis());
    const double columns =
        std::abs(toX(points_->keyOf(entries.last - 1)) - toX(points_->keyOf(entries.first))) + 1.0;
    return static_cast<double>(entries.count()) >= kMinPointsPerColumn * columns;
}

void CurveGraph::drawColumns(QCPPainter* painter, Entries entries, CurvePixels pixels) const {
    if (entries.count() == 0) {
        return;
    }
    const PixelMap toX(keyAxis());
    const PixelMap toY(valueAxis());
    const double columns =
        std::abs(toX(points_->keyOf(entries.last - 1)) - toX(points_->keyOf(entries.first))) + 1.0;
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
    forEachPoint(entries, [&](double key, double value) {
        const double mapped = toY(value);
        if (!std::isfinite(mapped) || !std::isfinite(key)) {
            // A gap (a value a log axis cannot show): the line breaks, as QCustomPlot's does.
            closeColumn();
            open = false;
            return;
        }
        const int x = static_cast<int>(std::floor(toX(key)));
        const double y = std::clamp(mapped, yLow, yHigh);
        if (open && x == column) {
            low = std::min(low, y);
            high = std::max(high, y);
            last = y;
            return;
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
    });
    closeColumn();
    const QColor colour = pen().color();
    if (pixels.image != nullptr && colour.alpha() == 255 &&
        pixels.image->format() == QImage::Format_ARGB32_Premultiplied) {
        setPixels(*pixels.image, pixels.clip, runs, colour.rgba());
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRects(runs.constData(), static_cast<int>(runs.size()));
}

void CurveGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const {
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
