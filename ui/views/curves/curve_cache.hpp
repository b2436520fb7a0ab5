#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include <qcustomplot.h>
#include <QImage>
#include <QPen>
#include <QRect>

namespace lrscope::ui {

class CurveGraph;

// The curves of a live plot, kept as a picture between replots and redrawn only in the pixel
// columns where they grew. Live runs only ever append points, so while the axes, the size and
// every curve's look stay the same, a replot draws the new points' columns again (all curves
// there, in their order, so the overlaps come out as a full draw) instead of every point of
// every curve: with 32 runs training that is a few columns rather than 64 curves.
//
// The cache sits on a layer below the plot's curve layers. It draws when the plot replots its
// own buffers (QCustomPlot::replot: live updates, drags, resizes), and only on a raster buffer at
// scale 1 with aliased curves, where its picture is pixel for pixel what the curves draw
// themselves; the curves then skip their own draw. There it also sets the pixels of curves drawn
// column by column itself rather than through QPainter. Every other draw (exports, PDF and SVG,
// HiDPI screens, antialiased curves) is the curves' own, untouched.
class CurveCache : public QCPLayerable {
    Q_OBJECT
public:
    // `replotting` says whether the plot is drawing its own buffers now, as opposed to an
    // export drawing it elsewhere.
    CurveCache(QCustomPlot* plot, const QString& layer, std::function<bool()> replotting);

    // Off, the curves always draw themselves (to compare with, in tests).
    void setEnabled(bool enabled);
    // Whether the cache drew the curves in the replot under way.
    bool drawsCurves() const { return drewThisReplot_ && replotting_(); }

    // What the last replot did, for tests and benchmarks.
    enum class Draw { None, Full, Columns };
    Draw lastDraw() const { return lastDraw_; }
    // Pixel columns redrawn by the last replot (all of them after a full draw).
    int lastRedrawnColumns() const { return lastColumns_; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    // Everything about a curve that changes its picture other than new points.
    struct Look {
        const CurveGraph* graph = nullptr;
        const void* points = nullptr;
        QPen pen;
        QBrush brush;
        int lineStyle = 0;
        int scatterShape = 0;
        double scatterSize = 0.0;
        QPen scatterPen;
        QBrush scatterBrush;
        int scatterSkip = 0;
        bool antialiased = false;
        QRect clip;
        bool operator==(const Look& other) const;
    };
    // Everything about the plot that does.
    struct Frame {
        QSize size;
        QRect axisRect;
        QCPRange keys;
        QCPRange values;
        bool logValues = false;
        bool reversedKeys = false;
        bool reversedValues = false;
        bool operator==(const Frame& other) const = default;
    };

    bool applies(const QCPPainter* painter) const;
    std::vector<CurveGraph*> curvesInDrawOrder() const;
    Frame frameOf(const std::vector<CurveGraph*>& curves, QSize size) const;
    void drawAll(const std::vector<CurveGraph*>& curves, const QCPPainter& like);
    // Redraws every curve within the columns where some curve has points it did not have at
    // the last draw; false when a curve has fewer (it was replaced).
    bool drawGrowth(const std::vector<CurveGraph*>& curves, const QCPPainter& like);
    void drawColumns(const std::vector<CurveGraph*>& curves, const QCPPainter& like, int left,
                     int right);

    std::function<bool()> replotting_;
    bool enabled_ = true;
    bool drewThisReplot_ = false;
    QImage picture_;
    Frame frame_;
    std::vector<Look> looks_;
    std::vector<std::size_t> drawnEntries_;  // per curve in looks_, at the last draw
    Draw lastDraw_ = Draw::None;
    int lastColumns_ = 0;
};

}  // namespace lrscope::ui
