#pragma once

class QCustomPlot;

namespace lrscope::ui {

// Moves the plot's legend out of its axis rect into a narrow column on the right, at the
// top: for plots whose whole area carries data (a heatmap, a contour map), where a legend
// inside would hide part of it. Call once, after any title row was added.
void putLegendBeside(QCustomPlot& plot);

}  // namespace lrscope::ui
