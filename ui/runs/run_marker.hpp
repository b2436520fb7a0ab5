#pragma once

#include <qcustomplot.h>

namespace lrscope::ui {

// The marker shape of a run's style cycle (core::runStyleCycle): none for the first pass
// through the palette, then one shape per later pass, so runs that share a colour still differ.
// Train stays solid and test dashed in every cycle; the marker rides on both. After
// kMarkerShapeCount cycles the shapes repeat.
QCPScatterStyle::ScatterShape markerShape(int styleCycle);
inline constexpr int kMarkerShapeCount = 10;

// The marker of a curve in `colour` (hollow, so the line stays visible through it).
QCPScatterStyle runMarker(int styleCycle, const QColor& colour);

// How many data points to skip between two markers on a curve of `points` points: about a
// dozen markers per curve, whatever its length.
int markerSkip(int points);

}  // namespace lrscope::ui
