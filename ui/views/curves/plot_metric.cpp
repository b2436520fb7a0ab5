#include "ui/views/curves/plot_metric.hpp"

namespace lrscope::ui {

bool metricHasTestSeries(PlotMetric metric) {
    return metric == PlotMetric::Loss || metric == PlotMetric::ErrorPercent ||
           metric == PlotMetric::SuccessPercent;
}

QString metricAxisLabel(PlotMetric metric) {
    switch (metric) {
        case PlotMetric::Loss:
            return QStringLiteral("Loss");
        case PlotMetric::ErrorPercent:
            return QStringLiteral("Error (%)");
        case PlotMetric::SuccessPercent:
            return QStringLiteral("Success rate (%)");
        case PlotMetric::GradientNorm:
            return QStringLiteral("Gradient norm");
        case PlotMetric::StepSize:
            return QStringLiteral("Step size |Δw|/|g|");
    }
    return {};
}

QString metricValueName(PlotMetric metric) {
    switch (metric) {
        case PlotMetric::Loss:
            return QStringLiteral("loss");
        case PlotMetric::ErrorPercent:
            return QStringLiteral("error");
        case PlotMetric::SuccessPercent:
            return QStringLiteral("success rate");
        case PlotMetric::GradientNorm:
            return QStringLiteral("gradient norm");
        case PlotMetric::StepSize:
            return QStringLiteral("step size");
    }
    return {};
}

QString metricUnit(PlotMetric metric) {
    return (metric == PlotMetric::ErrorPercent || metric == PlotMetric::SuccessPercent)
               ? QStringLiteral("%")
               : QString();
}

}  // namespace lrscope::ui
