#pragma once

#include <vector>

#include <QWidget>

#include "ui/views/curves/plot_metric.hpp"

class QAction;
class QComboBox;
class QLabel;

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
    // The note beside the boxes after the view switched its metric by itself (empty if none).
    QString switchNote() const;

private:
    // Error % or success rate with only regression runs shown draws nothing: the view goes
    // to the loss (when it offers it) the moment that becomes so, and says why. A user who
    // picks the class metric again is left alone until the runs shown change back and forth.
    void followRegressionRuns();

    RunPlot* plot_;
    QComboBox* metric_;
    QComboBox* series_;
    SmoothingSlider* smoothing_;
    QAction* log_;
    QAction* follow_;
    QLabel* switchNote_;
    bool onlyRegressions_ = false;
};

}  // namespace lrscope::ui
