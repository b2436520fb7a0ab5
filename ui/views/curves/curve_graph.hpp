#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "ui/views/curves/curve_points.hpp"

namespace lrscope::ui {

class CurveCache;

// A picture a painter draws on (ARGB32 premultiplied, at scale 1) and the painter's clip in it,
// where a curve drawn column by column sets its pixels itself: what QPainter's aliased opaque
// rects would set, without its cost per rect.
struct CurvePixels {
    QImage* image = nullptr;
    QRect clip;
};

// A graph that draws points it does not hold: it reads them from a CurvePoints at every draw
// (for a RunPlot, the run's history in the RunStore), so a curve costs the plot no memory per
// point.
//
// A curve denser than the screen (more points than pixel columns) is drawn as one filled run of
// pixels per column. QCustomPlot strokes the min/max zig-zag of its adaptive sampling instead,
// which retraces each column several times: with 40 noisy curves of 10,000 epochs that is most
// of a 20 ms replot. The column path is only taken where it is exact: a 1 px pen, no
// antialiasing and a raster device at scale 1; markers (scatters) are drawn over it by QCPGraph.
// Every other draw (sparse data, exports at 2x, PDF and SVG) is QCPGraph's own. QCPGraph draws
// from a container that holds the points in view for that one draw.
//
// QCPGraph's container is therefore empty between draws, and data(), setData() and addData()
// are hidden here; the points are read with the functions below.
class CurveGraph : public QCPGraph {
    Q_OBJECT
public:
    // `points` (nullptr: none) must outlive the graph or be replaced first.
    CurveGraph(QCPAxis* keyAxis, QCPAxis* valueAxis, const CurvePoints* points = nullptr);

    void setPoints(const CurvePoints* points);
    const CurvePoints* pointSource() const { return points_; }
    // A cache that draws this curve in live replots (curve_cache.hpp); nullptr: none.
    void setCache(const CurveCache* cache) { cache_ = cache; }
    const CurveCache* cache() const { return cache_; }
    // Draws the curve as its layer would (antialiasing hint included; the clip is the
    // caller's). With `keys`, the caller clips to the pixel columns of that key range, and a
    // curve drawn column by column reads only the points there and a little beyond.
    void drawFor(QCPPainter* painter, std::optional<QCPRange> keys = std::nullopt,
                 CurvePixels pixels = {});

    // The rect its layer clips it to (QCPLayer::draw's: the axis rect, one pixel up).
    QRect layerClip() const { return clipRect().translated(0, -1); }
    // Entries of the source (points or not) and their keys, in order.
    std::size_t entryCount() const { return points_ == nullptr ? 0 : points_->entryCount(); }
    double entryKey(std::size_t entry) const { return points_->keyOf(entry); }

    std::size_t pointCount() const { return points_ == nullptr ? 0 : points_->pointCount(); }
    bool isEmpty() const { return pointCount() == 0; }
    // Every point in order.
    std::vector<QCPGraphData> points() const;
    // The first point at or after `key` (as QCPDataContainer::findBegin(key, false) finds it).
    std::optional<QCPGraphData> firstPointFrom(double key) const;
    // The last point that is not a gap.
    std::optional<QCPGraphData> lastValuedPoint() const;
    // The point a QCPItemTracer on this graph at `key` sits on: the nearer of the points either
    // side of it.
    std::optional<QCPGraphData> nearestPoint(double key) const;

    QSharedPointer<QCPGraphDataContainer> data() const = delete;
    void setData(QSharedPointer<QCPGraphDataContainer> data) = delete;
    void setData(const QVector<double>& keys, const QVector<double>& values,
                 bool alreadySorted = false) = delete;
    void addData(const QVector<double>& keys, const QVector<double>& values,
                 bool alreadySorted = false) = delete;
    void addData(double key, double value) = delete;

    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

    // Whether the last draw() used the column path; for tests.
    bool drewColumns() const { return drewColumns_; }

protected:
    void draw(QCPPainter* painter) override;
    // Points far outside the plot (a diverged run at 1e300) are pulled in to a few thousand
    // pixels beyond its edge before QCustomPlot strokes them: the visible part of every segment
    // is unchanged, and PDF and SVG writers never see a coordinate they cannot print.
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;

private:
    // Entries [first, last).
    struct Entries {
        std::size_t first = 0;
        std::size_t last = 0;
        std::size_t count() const { return last - first; }
    };

    std::size_t lowerBound(double key) const;  // the first entry with a key >= key
    std::size_t upperBound(double key) const;  // the first entry with a key > key
    bool isPoint(std::size_t entry) const;
    // How many of the entries before `entry` are points.
    std::size_t pointsBefore(std::size_t entry) const;
    // The first of `entries` that QCPGraph marks with a skip of period - 1: a point whose place
    // among the curve's points is a multiple of `period`; entries.last when none is.
    std::size_t firstMarker(Entries entries, std::size_t period) const;
    // What QCPGraph would draw of its container: the entries in the key axis' range and the
    // nearest point either side of it.
    Entries entriesInView() const;
    // Calls f(key, value) for every point of entries [first, last), in order.
    template <typename F>
    void forEachPoint(Entries entries, F&& f) const;
    // The first entry whose point f(key, value) accepts, in order; entries.last when none is.
    template <typename F>
    std::size_t findPoint(Entries entries, F&& f) const;

    void drawEntries(QCPPainter* painter, std::optional<QCPRange> keys, CurvePixels pixels);
    bool columnPathApplies(const QCPPainter* painter) const;
    // Whether the entries are dense enough on screen to be drawn column by column.
    bool denseEnough(Entries entries) const;
    void drawColumns(QCPPainter* painter, Entries entries, CurvePixels pixels) const;
    void drawFromContainer(QCPPainter* painter, Entries entries);
    // The entries a draw clipped to the pixel columns of `keys` needs: those in the range and
    // two points either side.
    Entries entriesAround(Entries inView, QCPRange keys) const;

    const CurvePoints* points_ = nullptr;
    const CurveCache* cache_ = nullptr;
    struct Counted {
        std::size_t entries = 0;
        std::size_t points = 0;
    };
    mutable Counted counted_;  // pointsBefore()'s last count
    bool drewColumns_ = false;
};

}  // namespace lrscope::ui
