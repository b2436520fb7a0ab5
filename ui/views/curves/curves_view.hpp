#pragma once

#include <memory>
#include <vector>

#include "ui/views/curves/plot_metric.hpp"
#include "ui/views/run_view.hpp"

namespace lrscope::ui {

class PlotView;
struct ViewContext;

// Per-epoch curves of every run as a view: a PlotView (metric, series, log y, follow) over
// the store's runs.
class CurvesView : public RunView {
public:
    struct Setup {
        QString key;
        QString title;
        ViewPlacement placement = ViewPlacement::Central;
        std::vector<PlotMetric> metrics;
        PlotMetric initial = PlotMetric::Loss;
        SeriesChoice series = SeriesChoice::TrainAndTest;
        bool legend = true;
        QString emptyMessage;
        QAction* emptyLink = nullptr;  // offered under the empty message (EmptyPlotLink)
    };

    CurvesView(const ViewContext& context, Setup setup, QWidget* parent);

    QString key() const override { return setup_.key; }
    QString title() const override { return setup_.title; }
    QWidget* widget() override;
    ViewPlacement placement() const override { return setup_.placement; }
    QList<QAction*> actions() const override;
    QCustomPlot* exportablePlot() const override;
    QJsonObject sessionState() const override;  // see curves_view_state.hpp
    void restoreSessionState(const QJsonObject& state) override;

    PlotView* plotView() const { return view_; }

private:
    Setup setup_;
    PlotView* view_;
};

// The loss / error curves, in the middle of the window.
std::unique_ptr<RunView> makeLossCurvesView(const ViewContext& context, QWidget* parent);
// The second plot: test success rate, gradient norm or effective step size.
std::unique_ptr<RunView> makeSignalCurvesView(const ViewContext& context, QWidget* parent);

}  // namespace lrscope::ui
