#pragma once

#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/analysis/plane_range.hpp"
#include "ui/views/boundary/boundary_data.hpp"
#include "ui/views/boundary/boundary_picture.hpp"

namespace lrscope::ui {

// The decision boundary of one run: the heatmap of its predicted class over the data's plane
// with the train points filled and the test points hollow in their class colours, or, for a
// 1-input regression, the fitted curve over the data points; a message in the middle when
// there is nothing to draw. Axes in the data's own units. The window's view and
// `lrscope-cli plot --boundary` both draw with this class.
class BoundaryPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit BoundaryPlot(QWidget* parent = nullptr);

    // The data to draw over (points, axes); clears the picture.
    void setData(const BoundaryData& data, const QString& caption);
    // The network's answer over the plane (from boundaryPicture on the same data).
    void setPicture(const BoundaryPicture& picture, const QString& caption);
    // Nothing to draw: only this text, in the middle.
    void showMessage(const QString& message);
    // A marker where the user asked for the class probabilities (nullopt: none).
    void setProbe(std::optional<core::PlanePoint> point);

    // What the plot shows now, for tests and the view.
    BoundaryData::Shape shape() const { return shape_; }
    QString message() const;
    QString caption() const;
    bool hasHeatmap() const;
    const QImage& heatmap() const { return heatmap_; }
    // The size a display image for setPicture should have: the plane's device pixels.
    QSize planePixels() const;
    QCPGraph* curveGraph() const { return curve_; }
    int drawnPointCount() const;

signals:
    // A left click inside the plane (data units).
    void planeClicked(lrscope::core::PlanePoint point);

private:
    void clearLayers();
    void addPoints(const std::vector<BoundaryPoint>& points, bool filled, bool byClass, int classes,
                   const QStringList& names);

    BoundaryData::Shape shape_ = BoundaryData::Shape::Unsupported;
    core::PlaneRange range_;
    QImage heatmap_;
    QCPItemPixmap* pixmap_;
    QCPItemText* message_;
    QCPTextElement* caption_;
    QCPItemTracer* probe_;
    QCPGraph* curve_ = nullptr;
    std::vector<QCPGraph*> pointGraphs_;
};

}  // namespace lrscope::ui
