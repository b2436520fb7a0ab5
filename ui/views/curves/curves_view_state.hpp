#pragma once

#include <QJsonObject>

namespace lrscope::ui {

class PlotView;

// What a session keeps of a curves view, as JSON:
//   {"metric": "loss" | "error" | "success" | "grad-norm" | "step-size",
//    "series": "both" | "train" | "test", "log_y": false, "smoothing": 0.6,
//    "following": true, "x_range": [0, 150], "y_range": [0.01, 2]}
// (the ranges only when the user zoomed or panned away from following). Restoring ignores
// what the view cannot show (a metric it does not offer, a range that is not two finite
// increasing numbers) and keeps its current choice there.
QJsonObject curvesViewState(const PlotView& view);
void restoreCurvesViewState(PlotView& view, const QJsonObject& state);

}  // namespace lrscope::ui
