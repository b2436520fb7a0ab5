// The smoothing and imported-curve side of RunPlot: the faint raw curves behind smoothed
// ones, and curves imported from other tools. run_plot.cpp holds the trained runs' curves.
#include <algorithm>

#include "ui/runs/run_store.hpp"
#include "ui/views/curves/pending_series.hpp"
#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

void RunPlot::addImportedPoints(Curves& c, const std::vector<std::array<double, 2>>& points) {
    // An imported curve has no metric of its own: it is drawn as a training loss, since a loss
    // is what is laid beside lrscope's runs.
    if (points.empty() || metric_ != PlotMetric::Loss) {
        return;
    }
    PendingSeries train;
    const double cap = followCap();
    for (const auto& [step, value] : points) {
        train.put(step, value, logY_, c.trainSmoother, c.trainExtent, cap, c.trainHidden);
    }
    train.appendTo(c.train, c.trainRaw);
    pointCount_ += train.size();
}

void RunPlot::resetSmoothing(Curves& c) {
    if (smoothing_ > 0.0) {
        c.trainSmoother.emplace(smoothing_);
        c.testSmoother.emplace(smoothing_);
    } else {
        c.trainSmoother.reset();
        c.testSmoother.reset();
    }
    for (DenseGraph** raw : {&c.trainRaw, &c.testRaw}) {
        if (*raw != nullptr) {
            pointCount_ -= (*raw)->data()->size();
            (*raw)->data()->clear();
        }
        if (smoothing_ > 0.0 && *raw == nullptr) {
            *raw = new DenseGraph(xAxis, yAxis);
            (*raw)->setLayer(QStringLiteral("raw"));
            (*raw)->setAdaptiveSampling(true);
            (*raw)->removeFromLegend();
            (*raw)->setSelectable(QCP::stNone);
        } else if (smoothing_ == 0.0 && *raw != nullptr) {
            removeGraph(*raw);
            *raw = nullptr;
        }
    }
}

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

QCPGraph* RunPlot::rawTrainGraph(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : it->second.trainRaw;
}

}  // namespace lrscope::ui
