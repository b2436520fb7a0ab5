#pragma once

#include <qcustomplot.h>

namespace lrscope::ui {

// A graph that draws a curve denser than the screen (more points than pixel columns) as one
// filled run of pixels per column. QCustomPlot strokes the min/max zig-zag of its adaptive
// sampling instead, which retraces each column several times: with 40 noisy curves of 10,000
// epochs that is most of a 20 ms replot. The column path is only taken where it is exact:
// a 1 px pen, no antialiasing, a raster device at scale 1 and a line without scatters. Any
// other case (sparse data, exports at 2x, PDF and SVG) is drawn by QCPGraph as before.
//
// Its data can also be reserved up front: QCustomPlot grows a graph by doubling, and copying
// a million points at once stalls a live window.
class DenseGraph : public QCPGraph {
    Q_OBJECT
public:
    DenseGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void reserve(int points);
    // Appends points whose keys are not below the last one; other points go through addData.
    void appendSorted(const QVector<double>& keys, const QVector<double>& values);

    // Whether the last draw() used the column path; for tests.
    bool drewColumns() const { return drewColumns_; }

protected:
    void draw(QCPPainter* painter) override;
    // Points far outside the plot (a diverged run at 1e300) are pulled in to a few thousand
    // pixels beyond its edge before QCustomPlot strokes them: the visible part of every segment
    // is unchanged, and PDF and SVG writers never see a coordinate they cannot print.
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;

private:
    bool columnPathApplies(const QCPPainter* painter) const;
    bool drawColumns(QCPPainter* painter) const;

    // QCPGraphDataContainer with access to its storage, which is protected.
    class Storage : public QCPGraphDataContainer {
    public:
        void reserve(int points) { mData.reserve(points + mPreallocSize); }
        void append(const QVector<double>& keys, const QVector<double>& values);
    };

    QSharedPointer<Storage> storage_;
    bool drewColumns_ = false;
};

}  // namespace lrscope::ui
