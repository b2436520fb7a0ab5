// The smoothing side of RunPlot: smoothed curves with the faint raw curves behind them
// (RunSeries computes the smoothed values). run_plot.cpp holds the runs' curves.
#include <algorithm>

#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

void RunPlot::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, 0.999);
    if (weight == smoothing_) {
        return;
    }
    smoothing_ = weight;
    for (auto& [id, c] : runs_) {
        rebuild(id, c);
        styleCurves(c);
    }
    refreshNote();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

CurveGraph* RunPlot::rawTrainGraph(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : it->second.trainRaw;
}

}  // namespace lrscope::ui
