#pragma once

#include <optional>

#include <QString>

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

// What a run plot draws on its y axis. Loss and error come as a train and a test series;
// the step statistics exist once per epoch and are drawn as the train series.
enum class PlotMetric { Loss, ErrorPercent, SuccessPercent, GradientNorm, StepSize };

struct MetricValues {
    std::optional<double> train;
    std::optional<double> test;
};

MetricValues metricValues(PlotMetric metric, const core::EpochRecord& record);
bool metricHasTestSeries(PlotMetric metric);
QString metricAxisLabel(PlotMetric metric);  // "Loss", "Error (%)", ...
QString metricValueName(PlotMetric metric);  // "loss", "error", ... for tooltips
QString metricUnit(PlotMetric metric);       // "%" or ""

// Which series a plot shows.
enum class SeriesChoice { TrainAndTest, TrainOnly, TestOnly };

}  // namespace lrscope::ui
