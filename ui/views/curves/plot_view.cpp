#include "ui/views/curves/plot_view.hpp"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/runs/run_store.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/curves/smoothing_slider.hpp"

namespace lrscope::ui {

namespace {

QString metricChoiceName(PlotMetric metric) {
    switch (metric) {
        case PlotMetric::Loss:
            return QObject::tr("Loss");
        case PlotMetric::ErrorPercent:
            return QObject::tr("Error %");
        case PlotMetric::SuccessPercent:
            return QObject::tr("Success rate %");
        case PlotMetric::GradientNorm:
            return QObject::tr("Gradient norm");
        case PlotMetric::StepSize:
            return QObject::tr("Effective step size");
    }
    return {};
}

}  // namespace

PlotView::PlotView(const RunStore& store, const std::vector<PlotMetric>& metrics,
                   PlotMetric initial, QWidget* parent)
    : QWidget(parent),
      plot_(new RunPlot(store, initial, this)),
      metric_(new QComboBox(this)),
      series_(new QComboBox(this)),
      smoothing_(new SmoothingSlider(this)),
      log_(new QAction(tr("Log y"), this)),
      follow_(new QAction(tr("Follow live data"), this)),
      switchNote_(new QLabel(this)) {
    for (const PlotMetric metric : metrics) {
        metric_->addItem(metricChoiceName(metric), static_cast<int>(metric));
    }
    metric_->setCurrentIndex(metric_->findData(static_cast<int>(initial)));
    metric_->setToolTip(tr("What the y axis shows"));
    series_->addItem(tr("Train — and test - -"), static_cast<int>(SeriesChoice::TrainAndTest));
    series_->addItem(tr("Train only"), static_cast<int>(SeriesChoice::TrainOnly));
    series_->addItem(tr("Test only"), static_cast<int>(SeriesChoice::TestOnly));
    series_->setToolTip(tr("Training split drawn solid, test split dashed"));
    log_->setCheckable(true);
    log_->setToolTip(tr("Logarithmic y axis"));
    follow_->setCheckable(true);
    follow_->setChecked(true);
    follow_->setToolTip(
        tr("Keep every curve in view as it grows. Zooming (wheel) or panning "
           "(drag) stops following; click here or double-click the plot to "
           "follow again."));

    auto* logButton = new QToolButton(this);
    logButton->setDefaultAction(log_);
    auto* followButton = new QToolButton(this);
    followButton->setDefaultAction(follow_);
    followButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->setSpacing(6);
    bar->addWidget(metric_);
    bar->addWidget(series_);
    bar->addWidget(logButton);
    bar->addSpacing(8);
    bar->addWidget(smoothing_);
    bar->addWidget(switchNote_, 1);
    bar->addWidget(followButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(plot_, 1);

    const auto refreshSeriesBox = [this] {
        series_->setVisible(metricHasTestSeries(plot_->metric()));
    };
    connect(metric_, &QComboBox::currentIndexChanged, this, [this, refreshSeriesBox] {
        plot_->setMetric(static_cast<PlotMetric>(metric_->currentData().toInt()));
        refreshSeriesBox();
        switchNote_->clear();
    });
    switchNote_->setStyleSheet(QStringLiteral("color: #555;"));
    // The plot connected to the store first, so it has taken each change in when these run.
    connect(&store, &RunStore::runAdded, this, &PlotView::followRegressionRuns);
    connect(&store, &RunStore::recordsAppended, this, &PlotView::followRegressionRuns);
    connect(&store, &RunStore::runChanged, this, &PlotView::followRegressionRuns);
    connect(&store, &RunStore::runRemoved, this, &PlotView::followRegressionRuns);
    connect(&store, &RunStore::cleared, this, &PlotView::followRegressionRuns);
    connect(series_, &QComboBox::currentIndexChanged, this, [this] {
        plot_->setSeries(static_cast<SeriesChoice>(series_->currentData().toInt()));
    });
    connect(log_, &QAction::toggled, plot_, &RunPlot::setLogY);
    connect(smoothing_, &SmoothingSlider::weightChanged, plot_, &RunPlot::setSmoothing);
    connect(follow_, &QAction::triggered, this, [this] {
        follow_->setChecked(true);
        plot_->setFollow(true);
    });
    connect(plot_, &RunPlot::followChanged, this, [this](bool following) {
        follow_->setChecked(following);
        follow_->setText(following ? tr("Following live data") : tr("Follow live data"));
    });
    follow_->setText(tr("Following live data"));
    refreshSeriesBox();
}

QString PlotView::switchNote() const {
    return switchNote_->text();
}

void PlotView::followRegressionRuns() {
    const bool only = plot_->showsOnlyRegressions();
    const bool becameOnly = only && !onlyRegressions_;
    onlyRegressions_ = only;
    const PlotMetric metric = plot_->metric();
    const bool classMetric =
        metric == PlotMetric::ErrorPercent || metric == PlotMetric::SuccessPercent;
    const int loss = metric_->findData(static_cast<int>(PlotMetric::Loss));
    if (!becameOnly || !classMetric || loss < 0) {
        return;
    }
    metric_->setCurrentIndex(loss);  // clears the note
    switchNote_->setText(
        tr("Showing the loss: the runs shown are regressions, which have no class labels."));
}

}  // namespace lrscope::ui
