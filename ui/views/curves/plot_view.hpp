#pragma once

#include <vector>

#include <QWidget>

#include "ui/views/curves/plot_metric.hpp"

class QAction;
class QComboBox;

namespace lrscope::ui {

class RunPlot;
class RunStore;
class SmoothingSlider;

// A RunPlot with its own small bar: metric, which curves (train solid / test dashed), log y,
// smoothing, and "Follow live data", which lights up once the user has zoomed or panned away.
class PlotView : public QWidget {
    Q_OBJECT
public:
    PlotView(const RunStore& store, const std::vector<PlotMetric>& metrics, PlotMetric initial,
             QWidget* parent = nullptr);

    RunPlot* plot() const { return plot_; }
    QAction* logAction() const { return log_; }
    QAction* followAction() const { return follow_; }
    QComboBox* metricBox() const { return metric_; }
    QComboBox* seriesBox() const { return series_; }
    SmoothingSlider* smoothingSlider() const { return smoothing_; }

private:
    RunPlot* plot_;
    QComboBox* metric_;
    QComboBox* series_;
    SmoothingSlider* smoothing_;
    QAction* log_;
    QAction* follow_;
};

}  // namespace lrscope::ui
