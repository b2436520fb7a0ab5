#include "ui/views/curves/curves_view_state.hpp"

#include <array>
#include <cmath>
#include <optional>

#include <QAction>
#include <QComboBox>
#include <QJsonArray>

#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/curves/smoothing_slider.hpp"

namespace lrscope::ui {

namespace {

// The names the CLI's --metric and --series take, so a session reads like a command line.
constexpr std::array<std::pair<PlotMetric, const char*>, 5> kMetricNames{{
    {PlotMetric::Loss, "loss"},
    {PlotMetric::ErrorPercent, "error"},
    {PlotMetric::SuccessPercent, "success"},
    {PlotMetric::GradientNorm, "grad-norm"},
    {PlotMetric::StepSize, "step-size"},
}};
constexpr std::array<std::pair<SeriesChoice, const char*>, 3> kSeriesNames{{
    {SeriesChoice::TrainAndTest, "both"},
    {SeriesChoice::TrainOnly, "train"},
    {SeriesChoice::TestOnly, "test"},
}};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& names,
                            const QJsonValue& json) {
    for (const auto& [candidate, name] : names) {
        if (json.toString() == QLatin1String(name)) {
            return candidate;
        }
    }
    return std::nullopt;
}

QJsonArray rangeJson(const QCPRange& range) {
    return QJsonArray{range.lower, range.upper};
}

std::optional<QCPRange> rangeOf(const QJsonValue& json) {
    const QJsonArray array = json.toArray();
    if (array.size() != 2 || !array[0].isDouble() || !array[1].isDouble()) {
        return std::nullopt;
    }
    const double low = array[0].toDouble();
    const double high = array[1].toDouble();
    if (!std::isfinite(low) || !std::isfinite(high) || !(low < high)) {
        return std::nullopt;
    }
    return QCPRange(low, high);
}

// Picks the box entry whose data is `value`; false when the box has none.
bool choose(QComboBox& box, int value) {
    const int index = box.findData(value);
    if (index >= 0) {
        box.setCurrentIndex(index);
    }
    return index >= 0;
}

}  // namespace

QJsonObject curvesViewState(const PlotView& view) {
    const RunPlot& plot = *view.plot();
    QJsonObject state{
        {QStringLiteral("metric"), nameOf(kMetricNames, plot.metric())},
        {QStringLiteral("series"), nameOf(kSeriesNames, plot.series())},
        {QStringLiteral("log_y"), plot.logY()},
        {QStringLiteral("smoothing"), plot.smoothing()},
        {QStringLiteral("following"), plot.follows()},
    };
    if (!plot.follows()) {
        state.insert(QStringLiteral("x_range"), rangeJson(plot.xAxis->range()));
        state.insert(QStringLiteral("y_range"), rangeJson(plot.yAxis->range()));
    }
    return state;
}

void restoreCurvesViewState(PlotView& view, const QJsonObject& state) {
    if (const auto metric = valueOf(kMetricNames, state.value(QStringLiteral("metric")))) {
        choose(*view.metricBox(), static_cast<int>(*metric));
    }
    if (const auto series = valueOf(kSeriesNames, state.value(QStringLiteral("series")))) {
        choose(*view.seriesBox(), static_cast<int>(*series));
    }
    if (const QJsonValue logY = state.value(QStringLiteral("log_y")); logY.isBool()) {
        view.logAction()->setChecked(logY.toBool());
    }
    if (const QJsonValue smoothing = state.value(QStringLiteral("smoothing"));
        smoothing.isDouble()) {
        view.smoothingSlider()->setWeight(smoothing.toDouble());
    }
    RunPlot& plot = *view.plot();
    const auto x = rangeOf(state.value(QStringLiteral("x_range")));
    const auto y = rangeOf(state.value(QStringLiteral("y_range")));
    // A log axis cannot start at or below zero.
    const bool yFits = y && (!plot.logY() || y->lower > 0.0);
    if (state.value(QStringLiteral("following")) == QJsonValue(false) && x && yFits) {
        plot.setFollow(false);
        plot.xAxis->setRange(*x);
        plot.yAxis->setRange(*y);
        plot.requestReplot();
    } else {
        plot.setFollow(true);
    }
}

}  // namespace lrscope::ui
