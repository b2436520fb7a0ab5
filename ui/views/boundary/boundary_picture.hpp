#pragma once

#include <vector>

#include <QImage>
#include <QString>

#include "core/analysis/decision_grid.hpp"
#include "core/nn/network_weights.hpp"
#include "ui/views/boundary/boundary_data.hpp"

namespace lrscope::ui {

// What one set of weights gives over the boundary view's plane: for a classifier the decision
// grid and its heatmap (class colour light, more saturated where the network is surer), for a
// 1-input regression the fitted curve in the data's units. Safe to compute on any thread.
struct BoundaryPicture {
    QImage heatmap;  // Plane: one pixel per grid cell, the top row is the highest y
    QImage display;  // the heatmap scaled to the plot's pixels, off the GUI thread (may be null)
    core::DecisionGrid grid;     // Plane
    std::vector<double> curveX;  // Curve, in data units
    std::vector<double> curveY;
    QString error;  // the weights do not fit the data (e.g. a weights file of another shape)
};

inline constexpr int kBoundaryGridSide = 200;  // cells per side of the window's grid
inline constexpr int kBoundaryCurvePoints = 400;

// `displaySize`: the plot area's size in device pixels to scale the heatmap to, so the GUI
// thread only copies it (empty: no display image; the plot scales the heatmap itself).
BoundaryPicture boundaryPicture(const BoundaryData& data, const core::NetworkWeights& weights,
                                int gridSide = kBoundaryGridSide, QSize displaySize = {});

// The heatmap colour of a cell: white blended with the class colour, from faint (confidence
// at chance, 1/classes) to a light full tint (confidence 1).
QRgb heatmapColour(int label, double confidence, int classes);

}  // namespace lrscope::ui
