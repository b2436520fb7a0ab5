#include "ui/views/landscape/landscape_plot.hpp"

#include <algorithm>
#include <cmath>

#include "ui/runs/run_labels.hpp"
#include "ui/views/landscape/contour_image.hpp"
#include "ui/widgets/plot_side_legend.hpp"

namespace lrscope::ui {

namespace {

constexpr double kHoverPixels = 8.0;

// Where the segment from a (inside the range) to b (outside) crosses the range's border.
core::PlanePoint exitPoint(core::PlanePoint a, core::PlanePoint b, const core::PlaneRange& r) {
    double t = 1.0;
    const auto limit = [&t](double from, double to, double low, double high) {
        if (to > high) {
            t = std::min(t, (high - from) / (to - from));
        } else if (to < low) {
            t = std::min(t, (low - from) / (to - from));
        }
    };
    limit(a.x, b.x, r.xMin, r.xMax);
    limit(a.y, b.y, r.yMin, r.yMax);
    // Clamped: rounding may put the crossing a hair outside.
    return {std::clamp(a.x + t * (b.x - a.x), r.xMin, r.xMax),
            std::clamp(a.y + t * (b.y - a.y), r.yMin, r.yMax)};
}

// Where a diverged path's cross goes: its last point, or, when that lies outside the view,
// where the path left the view for the last time, so the cross is always seen.
core::PlanePoint crossPoint(const std::vector<core::PathPoint>& points, size_t shown,
                            const core::PlaneRange& range) {
    const core::PlanePoint last{points[shown - 1].x, points[shown - 1].y};
    if (range.contains(last)) {
        return last;
    }
    for (size_t k = shown - 1; k-- > 0;) {
        const core::PlanePoint p{points[k].x, points[k].y};
        if (range.contains(p)) {
            return exitPoint(p, {points[k + 1].x, points[k + 1].y}, range);
        }
    }
    return {std::clamp(last.x, range.xMin, range.xMax), std::clamp(last.y, range.yMin, range.yMax)};
}

}  // namespace

LandscapePlot::LandscapePlot(QWidget* parent)
    : QCustomPlot(parent),
      map_(new QCPItemPixmap(this)),
      minima_(addGraph()),
      startMarker_(addGraph()) {
    setMinimumSize(280, 220);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setVisible(false);
        axis->setBasePen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setTickPen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setSubTickPen(QPen(QColor(0x90, 0x90, 0x90), 0));
    }
    xAxis->setLabel(QStringLiteral("x"));
    yAxis->setLabel(QStringLiteral("y"));
    map_->setLayer(QStringLiteral("background"));
    map_->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    map_->setClipToAxisRect(true);

    minima_->setLineStyle(QCPGraph::lsNone);
    minima_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::black, 1.5), Qt::NoBrush, 14));
    minima_->setName(tr("minimum"));
    startMarker_->setLineStyle(QCPGraph::lsNone);
    startMarker_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0), QBrush(Qt::white), 12));
    startMarker_->setName(tr("start (drag)"));

    legend->setVisible(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    legend->setFont(legendFont);
    legend->setBrush(QColor(255, 255, 255, 215));
    legend->setBorderPen(QPen(QColor(0xC8, 0xC8, 0xC8), 0));
    legend->setRowSpacing(-3);
    putLegendBeside(*this);

    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        dragging_ = event->button() == Qt::LeftButton &&
                    axisRect()->rect().contains(event->position().toPoint());
        if (dragging_) {
            onMouseMove(event);
        }
    });
    connect(this, &QCustomPlot::mouseRelease, this, [this] { dragging_ = false; });
    connect(this, &QCustomPlot::mouseMove, this, &LandscapePlot::onMouseMove);
    setFunction(function_);
}

void LandscapePlot::setFunction(core::TestFunctionKind function) {
    function_ = function;
    range_ = core::testFunctionView(function);
    xAxis->setRange(range_.xMin, range_.xMax);
    yAxis->setRange(range_.yMin, range_.yMax);
    QVector<double> mx;
    QVector<double> my;
    for (const core::PlanePoint& p : core::testFunctionMinima(function)) {
        mx.push_back(p.x);
        my.push_back(p.y);
    }
    minima_->setData(mx, my);
    minima_->removeFromLegend();
    if (!mx.isEmpty()) {
        minima_->addToLegend();
    }
    redrawMap();
    replot(rpQueuedReplot);
}

void LandscapePlot::setStart(core::PlanePoint start) {
    start_ = start;
    startMarker_->setData({start.x}, {start.y});
    replot(rpQueuedReplot);
}

void LandscapePlot::setPaths(std::vector<LandscapePath> paths) {
    paths_ = std::move(paths);
    while (curves_.size() > paths_.size()) {
        removePlottable(curves_.back());
        curves_.pop_back();
        removeGraph(crosses_.back());
        crosses_.pop_back();
    }
    while (curves_.size() < paths_.size()) {
        curves_.push_back(new QCPCurve(xAxis, yAxis));
        crosses_.push_back(addGraph());
        crosses_.back()->setLineStyle(QCPGraph::lsNone);
        crosses_.back()->removeFromLegend();
    }
    for (size_t i = 0; i < paths_.size(); ++i) {
        curves_[i]->setPen(QPen(paths_[i].colour, 1.8));
        curves_[i]->setName(QString::fromUtf8(core::optimizerDisplayName(paths_[i].kind).data()));
        crosses_[i]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross,
                                                     QPen(paths_[i].colour, 2.5), Qt::NoBrush, 13));
    }
    redrawPaths();
}

void LandscapePlot::setReplayStep(int step) {
    replayStep_ = std::max(step, 0);
    redrawPaths();
}

void LandscapePlot::redrawPaths() {
    for (size_t i = 0; i < paths_.size(); ++i) {
        const auto& points = paths_[i].path.points;
        const size_t shown = std::min(points.size(), static_cast<size_t>(replayStep_) + 1);
        QVector<double> t(static_cast<int>(shown));
        QVector<double> xs(static_cast<int>(shown));
        QVector<double> ys(static_cast<int>(shown));
        for (size_t k = 0; k < shown; ++k) {
            t[static_cast<int>(k)] = static_cast<double>(k);
            xs[static_cast<int>(k)] = points[k].x;
            ys[static_cast<int>(k)] = points[k].y;
        }
        curves_[i]->setData(t, xs, ys, true);
        // The cross marks the last finite point once the replay reaches the divergence.
        const bool crossed = paths_[i].path.divergedAt && *paths_[i].path.divergedAt <= replayStep_;
        crosses_[i]->data()->clear();
        if (crossed && shown > 0) {
            const core::PlanePoint at = crossPoint(points, shown, range_);
            crosses_[i]->addData(at.x, at.y);
        }
    }
    replot(rpQueuedReplot);
}

void LandscapePlot::redrawMap() {
    const QRect area = axisRect()->rect();
    const int w = std::max(area.width(), 50);
    const int h = std::max(area.height(), 50);
    const ContourMap map = contourMap(function_, range_, w, h);
    map_->setPixmap(QPixmap::fromImage(map.image));
    map_->topLeft->setCoords(range_.xMin, range_.yMax);
    map_->bottomRight->setCoords(range_.xMax, range_.yMin);
}

void LandscapePlot::resizeEvent(QResizeEvent* event) {
    QCustomPlot::resizeEvent(event);
    // The axis rect's new size is known after a layout pass.
    updateLayout();
    redrawMap();
}

QString LandscapePlot::describeAt(QPointF position) const {
    double best = kHoverPixels;
    QString text;
    for (size_t i = 0; i < paths_.size(); ++i) {
        const auto& points = paths_[i].path.points;
        const size_t shown = std::min(points.size(), static_cast<size_t>(replayStep_) + 1);
        for (size_t k = 0; k < shown; ++k) {
            const double dx = xAxis->coordToPixel(points[k].x) - position.x();
            const double dy = yAxis->coordToPixel(points[k].y) - position.y();
            const double d = std::hypot(dx, dy);
            if (d < best) {
                best = d;
                text =
                    tr("%1, step %2: f = %3 at (%4, %5)")
                        .arg(QString::fromUtf8(core::optimizerDisplayName(paths_[i].kind).data()))
                        .arg(k)
                        .arg(compactNumber(points[k].value, 4), compactNumber(points[k].x, 4),
                             compactNumber(points[k].y, 4));
            }
        }
    }
    if (!text.isEmpty()) {
        return text;
    }
    const core::PlanePoint p{xAxis->pixelToCoord(position.x()), yAxis->pixelToCoord(position.y())};
    if (!range_.contains(p)) {
        return {};
    }
    return tr("f = %1 at (%2, %3)")
        .arg(compactNumber(core::testFunctionValue(function_, p), 4), compactNumber(p.x, 3),
             compactNumber(p.y, 3));
}

void LandscapePlot::onMouseMove(QMouseEvent* event) {
    if (dragging_ && (event->buttons() & Qt::LeftButton)) {
        core::PlanePoint p{xAxis->pixelToCoord(event->position().x()),
                           yAxis->pixelToCoord(event->position().y())};
        p.x = std::clamp(p.x, range_.xMin, range_.xMax);
        p.y = std::clamp(p.y, range_.yMin, range_.yMax);
        emit startDragged(p);
        return;
    }
    const QString text = describeAt(event->position());
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
}

QCPCurve* LandscapePlot::curveOf(core::OptimizerKind kind) const {
    for (size_t i = 0; i < paths_.size(); ++i) {
        if (paths_[i].kind == kind) {
            return curves_[i];
        }
    }
    return nullptr;
}

std::optional<core::PlanePoint> LandscapePlot::crossAt(core::OptimizerKind kind) const {
    for (size_t i = 0; i < paths_.size(); ++i) {
        if (paths_[i].kind == kind && !crosses_[i]->data()->isEmpty()) {
            const auto point = crosses_[i]->data()->constBegin();
            return core::PlanePoint{point->key, point->value};
        }
    }
    return std::nullopt;
}

int LandscapePlot::minimumMarkerCount() const {
    return minima_->dataCount();
}

}  // namespace lrscope::ui
