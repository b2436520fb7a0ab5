#include "ui/views/curves/plot_metric.hpp"

namespace lrscope::ui {

namespace {

std::optional<double> percent(const std::optional<double>& fraction) {
    if (!fraction) {
        return std::nullopt;
    }
    return *fraction * 100.0;
}

std::optional<double> successPercent(const std::optional<double>& errorFraction) {
    if (!errorFraction) {
        return std::nullopt;
    }
    return (1.0 - *errorFraction) * 100.0;
}

}  // namespace

MetricValues metricValues(PlotMetric metric, const core::EpochRecord& record) {
    switch (metric) {
        case PlotMetric::Loss:
            return {record.trainLoss, record.testLoss};
        case PlotMetric::ErrorPercent:
            return {percent(record.trainError), percent(record.testError)};
        case PlotMetric::SuccessPercent:
            return {successPercent(record.trainError), successPercent(record.testError)};
        case PlotMetric::GradientNorm:
            return {record.gradNorm, std::nullopt};
        case PlotMetric::StepSize:
            return {record.stepSize, std::nullopt};
    }
    return {};
}

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
