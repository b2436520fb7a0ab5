#include "ui/views/curves/curve_cache.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QPaintEngine>

#include "ui/views/curves/curve_graph.hpp"

namespace lrscope::ui {

namespace {

// Pixels either side of new points that their drawing can reach: a line's joins and the
// column path's bridges, beyond the pen's and a marker's own extent.
constexpr int kGrowthMargin = 2;

int reachOf(const CurveGraph& curve) {
    const double pen = std::ceil(std::max(1.0, curve.pen().widthF()));
    const double marker = curve.scatterStyle().isNone()
                              ? 0.0
                              : std::ceil(curve.scatterStyle().size() / 2.0 +
                                          std::max(1.0, curve.scatterStyle().pen().widthF()));
    return static_cast<int>(std::max(pen, marker)) + kGrowthMargin;
}

}  // namespace

bool CurveCache::Look::operator==(const Look& other) const {
    return graph == other.graph && points == other.points && pen == other.pen &&
           brush == other.brush && lineStyle == other.lineStyle &&
           scatterShape == other.scatterShape && scatterSize == other.scatterSize &&
           scatterPen == other.scatterPen && scatterBrush == other.scatterBrush &&
           scatterSkip == other.scatterSkip && antialiased == other.antialiased &&
           clip == other.clip;
}

CurveCache::CurveCache(QCustomPlot* plot, const QString& layer, std::function<bool()> replotting)
    : QCPLayerable(plot, layer), replotting_(std::move(replotting)) {}

void CurveCache::setEnabled(bool enabled) {
    // The picture stays what it was when drawn; it is only drawn on from where it was.
    enabled_ = enabled;
}

void CurveCache::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    painter->setAntialiasing(false);
}

bool CurveCache::applies(const QCPPainter* painter) const {
    // Aliased opaque pixels drawn into a clear picture and laid over the buffer are the pixels
    // drawn into the buffer; antialiased edges would blend twice and differ in the last bit.
    const QCP::AntialiasedElements off = parentPlot()->notAntialiasedElements();
    return off.testFlag(QCP::aePlottables) && painter->paintEngine() != nullptr &&
           painter->paintEngine()->type() == QPaintEngine::Raster &&
           !painter->modes().testFlag(QCPPainter::pmVectorized) &&
           painter->transform().type() == QTransform::TxNone &&
           painter->device()->devicePixelRatioF() == 1.0;
}

std::vector<CurveGraph*> CurveCache::curvesInDrawOrder() const {
    std::vector<CurveGraph*> curves;
    for (int i = 0; i < parentPlot()->layerCount(); ++i) {
        for (QCPLayerable* layerable : parentPlot()->layer(i)->children()) {
            auto* curve = qobject_cast<CurveGraph*>(layerable);
            if (curve != nullptr && curve->cache() == this && curve->realVisibility()) {
                curves.push_back(curve);
            }
        }
    }
    return curves;
}

CurveCache::Frame CurveCache::frameOf(const std::vector<CurveGraph*>& curves, QSize size) const {
    Frame frame;
    frame.size = size;
    if (!curves.empty()) {
        const QCPAxis* key = curves.front()->keyAxis();
        const QCPAxis* value = curves.front()->valueAxis();
        frame.axisRect = key->axisRect()->rect();
        frame.keys = key->range();
        frame.values = value->range();
        frame.logValues = value->scaleType() == QCPAxis::stLogarithmic;
        frame.reversedKeys = key->rangeReversed();
        frame.reversedValues = value->rangeReversed();
    }
    return frame;
}

void CurveCache::draw(QCPPainter* painter) {
    drewThisReplot_ = enabled_ && replotting_() && applies(painter);
    if (!drewThisReplot_) {
        lastDraw_ = Draw::None;  // the curves draw themselves
        return;
    }
    const std::vector<CurveGraph*> curves = curvesInDrawOrder();
    std::vector<Look> looks;
    looks.reserve(curves.size());
    for (const CurveGraph* curve : curves) {
        const QCPScatterStyle& scatter = curve->scatterStyle();
        looks.push_back({curve, curve->pointSource(), curve->pen(), curve->brush(),
                         static_cast<int>(curve->lineStyle()), static_cast<int>(scatter.shape()),
                         scatter.size(), scatter.pen(), scatter.brush(), curve->scatterSkip(),
                         curve->antialiased(), curve->layerClip()});
    }
    const Frame frame =
        frameOf(curves, QSize(painter->device()->width(), painter->device()->height()));
    const bool sameScene = frame == frame_ && looks == looks_ && !picture_.isNull();
    if (!sameScene || !drawGrowth(curves, *painter)) {
        frame_ = frame;
        looks_ = std::move(looks);
        drawAll(curves, *painter);
    }
    painter->drawImage(QPoint(0, 0), picture_);
}

void CurveCache::drawAll(const std::vector<CurveGraph*>& curves, const QCPPainter& like) {
    if (picture_.size() != frame_.size) {
        picture_ = QImage(frame_.size, QImage::Format_ARGB32_Premultiplied);
    }
    picture_.fill(Qt::transparent);
    drawnEntries_.clear();
    {
        QCPPainter painter(&picture_);
        painter.setModes(like.modes());
        for (CurveGraph* curve : curves) {
            painter.save();
            painter.setClipRect(curve->layerClip());
            curve->drawFor(&painter, std::nullopt, {&picture_, curve->layerClip()});
            painter.restore();
            drawnEntries_.push_back(curve->entryCount());
        }
    }
    lastDraw_ = Draw::Full;
    lastColumns_ = frame_.axisRect.width();
}

bool CurveCache::drawGrowth(const std::vector<CurveGraph*>& curves, const QCPPainter& like) {
    // The columns each curve's new points reach, from its last point drawn before.
    std::vector<std::pair<int, int>> spans;
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const CurveGraph& curve = *curves[i];
        const std::size_t count = curve.entryCount();
        const std::size_t drawn = drawnEntries_[i];
        if (count < drawn) {
            return false;
        }
        if (count == drawn) {
            continue;
        }
        const QCPAxis* axis = curve.keyAxis();
        const double from = axis->coordToPixel(curve.entryKey(drawn > 0 ? drawn - 1 : 0));
        const double to = axis->coordToPixel(curve.entryKey(count - 1));
        const int reach = reachOf(curve);
        // Keys far beyond the axis map to huge pixels: the picture ends at its edges anyway.
        const double low = std::clamp(std::min(from, to), -1.0, frame_.size.width() + 1.0);
        const double high = std::clamp(std::max(from, to), -1.0, frame_.size.width() + 1.0);
        spans.emplace_back(static_cast<int>(std::floor(low)) - reach,
                           static_cast<int>(std::ceil(high)) + reach);
    }
    std::sort(spans.begin(), spans.end());
    lastDraw_ = Draw::Columns;
    lastColumns_ = 0;
    for (std::size_t i = 0; i < spans.size();) {
        int left = spans[i].first;
        int right = spans[i].second;
        for (++i; i < spans.size() && spans[i].first <= right + 1; ++i) {
            right = std::max(right, spans[i].second);
        }
        left = std::max(left, 0);
        right = std::min(right, frame_.size.width() - 1);
        if (left <= right) {
            drawColumns(curves, like, left, right);
            lastColumns_ += right - left + 1;
        }
    }
    for (std::size_t i = 0; i < curves.size(); ++i) {
        drawnEntries_[i] = curves[i]->entryCount();
    }
    return true;
}

void CurveCache::drawColumns(const std::vector<CurveGraph*>& curves, const QCPPainter& like,
                             int left, int right) {
    const QRect band(left, 0, right - left + 1, frame_.size.height());
    QCPPainter painter(&picture_);
    painter.setModes(like.modes());
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.fillRect(band, Qt::transparent);
    painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
    for (CurveGraph* curve : curves) {
        const QCPAxis* axis = curve->keyAxis();
        // Wider than the band by what a point's drawing reaches; the clip keeps the band exact.
        const int reach = reachOf(*curve);
        QCPRange keys(axis->pixelToCoord(left - reach), axis->pixelToCoord(right + reach + 1));
        keys.normalize();
        const QRect clip = curve->layerClip() & band;
        painter.save();
        painter.setClipRect(clip);
        curve->drawFor(&painter, keys, {&picture_, clip});
        painter.restore();
    }
}

}  // namespace lrscope::ui
