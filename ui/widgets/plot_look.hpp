#pragma once

class QCustomPlot;

namespace lrscope::ui {

// The look every lrscope plot shares, so the loss curves, the range test, the sweep and the
// boundary read as one family (on screen and in exported figures).

// Light grid lines and no zero line.
void applyLightGrid(QCustomPlot& plot);

// A legend in a slightly smaller font on a nearly opaque white with a thin grey border.
void applyCompactLegend(QCustomPlot& plot);

// Moves the legend into a row above the axis rect, `columns` entries per line, without a box:
// for plots that fill their area corner to corner or are too short to spare a corner. Keeps
// its width even while empty, so the plot's column is never squeezed.
void putLegendAbove(QCustomPlot& plot, int columns);

}  // namespace lrscope::ui
