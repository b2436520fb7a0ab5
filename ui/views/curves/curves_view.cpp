#include "ui/views/curves/curves_view.hpp"

#include <QComboBox>

#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/views/curves/curves_view_state.hpp"
#include "ui/views/curves/empty_plot_link.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

CurvesView::CurvesView(const ViewContext& context, Setup setup, QWidget* parent)
    : setup_(std::move(setup)),
      view_(new PlotView(context.store, setup_.metrics, setup_.initial, parent)) {
    view_->setObjectName(QStringLiteral("view.%1").arg(setup_.key));
    QComboBox* series = view_->seriesBox();
    series->setCurrentIndex(series->findData(static_cast<int>(setup_.series)));
    view_->plot()->setLegendShown(setup_.legend);
    if (!setup_.emptyMessage.isEmpty()) {
        view_->plot()->setEmptyMessage(setup_.emptyMessage);
    }
    if (setup_.emptyLink != nullptr) {
        new EmptyPlotLink(*view_->plot(), context.store, *setup_.emptyLink);
    }
    // The selected runs (in the run list, or a point clicked in the sweep view) stand out.
    RunSelection* selection = &context.selection;
    QObject::connect(selection, &RunSelection::changed, view_,
                     [this, selection] { view_->plot()->setHighlighted(selection->selected()); });
}

QWidget* CurvesView::widget() {
    return view_;
}

QList<QAction*> CurvesView::actions() const {
    return {view_->followAction(), view_->logAction()};
}

QCustomPlot* CurvesView::exportablePlot() const {
    return view_->plot();
}

QJsonObject CurvesView::sessionState() const {
    return curvesViewState(*view_);
}

void CurvesView::restoreSessionState(const QJsonObject& state) {
    restoreCurvesViewState(*view_, state);
}

std::unique_ptr<RunView> makeLossCurvesView(const ViewContext& context, QWidget* parent) {
    CurvesView::Setup setup;
    setup.key = QStringLiteral("curves");
    setup.title = QObject::tr("Loss / error plot");
    setup.placement = ViewPlacement::Central;
    setup.metrics = {PlotMetric::Loss, PlotMetric::ErrorPercent};
    setup.initial = PlotMetric::Loss;
    setup.emptyMessage = QObject::tr(
        "Pick a learning rate on the left and press Train (Ctrl+Return).\n"
        "Every run adds a coloured curve, so rates sit side by side.");
    setup.emptyLink = context.commands.lessonAction();
    return std::make_unique<CurvesView>(context, std::move(setup), parent);
}

std::unique_ptr<RunView> makeSignalCurvesView(const ViewContext& context, QWidget* parent) {
    CurvesView::Setup setup;
    setup.key = QStringLiteral("signals");
    setup.title = QObject::tr("Second plot");
    setup.placement = ViewPlacement::Below;
    setup.metrics = {PlotMetric::SuccessPercent, PlotMetric::GradientNorm, PlotMetric::StepSize};
    setup.initial = PlotMetric::SuccessPercent;
    setup.series = SeriesChoice::TestOnly;
    setup.legend = false;
    return std::make_unique<CurvesView>(context, std::move(setup), parent);
}

}  // namespace lrscope::ui
