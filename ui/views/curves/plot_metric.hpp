#pragma once

#include <optional>

#include <QString>

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

// What a run plot draws on its y axis. Loss and error come as a train and a test series;
// the step statistics exist once per epoch and are drawn as the train series.
enum class PlotMetric { Loss, ErrorPercent, SuccessPercent, GradientNorm, StepSize };

// The two series of a metric: its values on the training split and on the test split.
enum class Split { Train, Test };

// Calls f with the accessor of one series of a metric, a callable that takes an EpochRecord and
// returns the series' value as std::optional<double>: nullopt where the record has none (no
// test split, no class labels, no step statistics at epoch 0, no test series of the step
// statistics). Each accessor is a type of its own, so a loop over records in f is compiled for
// one series at a time.
template <typename F>
decltype(auto) withMetricAccessor(PlotMetric metric, Split split, F&& f) {
    using Value = std::optional<double>;
    const bool test = split == Split::Test;
    switch (metric) {
        case PlotMetric::Loss:
            return test ? f([](const core::EpochRecord& r) -> Value { return r.testLoss; })
                        : f([](const core::EpochRecord& r) -> Value { return r.trainLoss; });
        case PlotMetric::ErrorPercent:
            return test ? f([](const core::EpochRecord& r) -> Value {
                return r.testError ? Value(*r.testError * 100.0) : std::nullopt;
            })
                        : f([](const core::EpochRecord& r) -> Value {
                              return r.trainError ? Value(*r.trainError * 100.0) : std::nullopt;
                          });
        case PlotMetric::SuccessPercent:
            return test ? f([](const core::EpochRecord& r) -> Value {
                return r.testError ? Value((1.0 - *r.testError) * 100.0) : std::nullopt;
            })
                        : f([](const core::EpochRecord& r) -> Value {
                              return r.trainError ? Value((1.0 - *r.trainError) * 100.0)
                                                  : std::nullopt;
                          });
        case PlotMetric::GradientNorm:
        case PlotMetric::StepSize:
            break;
    }
    if (test) {
        return f([](const core::EpochRecord&) -> Value { return std::nullopt; });
    }
    return metric == PlotMetric::GradientNorm
               ? f([](const core::EpochRecord& r) -> Value { return r.gradNorm; })
               : f([](const core::EpochRecord& r) -> Value { return r.stepSize; });
}

// One series' value of a record (see withMetricAccessor).
inline std::optional<double> metricValue(PlotMetric metric, Split split,
                                         const core::EpochRecord& record) {
    return withMetricAccessor(metric, split, [&record](auto value) { return value(record); });
}

bool metricHasTestSeries(PlotMetric metric);
QString metricAxisLabel(PlotMetric metric);  // "Loss", "Error (%)", ...
QString metricValueName(PlotMetric metric);  // "loss", "error", ... for tooltips
QString metricUnit(PlotMetric metric);       // "%" or ""

// Which series a plot shows.
enum class SeriesChoice { TrainAndTest, TrainOnly, TestOnly };

}  // namespace lrscope::ui
