#include "ui/views/sweep/sweep_view.hpp"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/view_focus.hpp"

namespace lrscope::ui {

namespace {

// Redraws are spaced out: records of many runs arrive at the controller's ~30 Hz drains.
constexpr int kRefreshMs = 100;
// How tall the view grows when a sweep starts, so the U-curve can be read.
constexpr int kRoomySweepHeight = 380;

}  // namespace

SweepView::SweepView(const ViewContext& context, QWidget* parent)
    : context_(context),
      widget_(new QWidget(parent)),
      plot_(new SweepPlot(widget_)),
      measure_(new QComboBox(widget_)),
      logY_(new QCheckBox(tr("Log y"), widget_)),
      status_(new QLabel(widget_)),
      sweep_(new QAction(tr("S&weep learning rates..."), this)) {
    widget_->setObjectName(QStringLiteral("view.sweep"));
    sweep_->setToolTip(
        tr("Train the panel's settings at many rates (and optimizers) and draw "
           "the loss against the rate"));
    for (const core::SweepMeasure measure : core::kSweepMeasures) {
        const auto title = core::measureTitle(measure);
        measure_->addItem(QString::fromUtf8(title.data(), static_cast<int>(title.size())),
                          static_cast<int>(measure));
    }
    measure_->setToolTip(tr("What the y axis shows for each run"));
    plot_->setEmptyMessage(
        tr("Run > Sweep learning rates... trains one run per rate and draws\n"
           "where the loss ends up: too low and too high both end high."));
    plot_->setMinimumHeight(160);
    auto* start = new QPushButton(tr("Sweep..."), widget_);
    start->setToolTip(sweep_->toolTip());
    status_->setText(tr("Click a point to select its run."));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(start);
    bar->addWidget(new QLabel(tr("y:"), widget_));
    bar->addWidget(measure_);
    bar->addWidget(logY_);
    bar->addWidget(status_, 1);
    auto* layout = new QVBoxLayout(widget_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(plot_, 1);

    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(kRefreshMs);
    connect(&refreshTimer_, &QTimer::timeout, this, &SweepView::refresh);
    connect(sweep_, &QAction::triggered, this, &SweepView::openDialog);
    connect(start, &QPushButton::clicked, this, &SweepView::openDialog);
    connect(measure_, &QComboBox::currentIndexChanged, this, [this] {
        plot_->setMeasure(static_cast<core::SweepMeasure>(measure_->currentData().toInt()));
        refresh();
    });
    logY_->setToolTip(tr("Losses of a sweep span decades; a log axis shows the bottom of the U"));
    logY_->setChecked(true);
    plot_->setLogY(true);
    connect(logY_, &QCheckBox::toggled, this, [this](bool on) {
        plot_->setLogY(on);
        refresh();
    });
    connect(plot_, &SweepPlot::runClicked, this,
            [this](core::RunId id) { context_.selection.selectOnly(id); });

    // The sweep's runs are the store's runs of a sweep (Run::sweep), however they came in:
    // started here, restored by Undo or read from a session.
    RunStore& store = context_.store;
    connect(&store, &RunStore::recordsAppended, this, [this](core::RunId id, int, int) {
        if (isMember(id)) {
            scheduleRefresh();
        }
    });
    connect(&store, &RunStore::runChanged, this, [this](core::RunId id, unsigned what) {
        if ((what & (RunStore::State | RunStore::Sweep)) != 0U && isMember(id)) {
            scheduleRefresh();
        }
    });
    connect(&store, &RunStore::runAdded, this, [this](core::RunId id) {
        if (isMember(id)) {
            scheduleRefresh();
        }
    });
    connect(&store, &RunStore::runRemoved, this, &SweepView::scheduleRefresh);
    connect(&store, &RunStore::cleared, this, &SweepView::refresh);
    lastRequest_.optimizers = {core::OptimizerKind::Sgd};
}

QWidget* SweepView::widget() {
    return widget_;
}

QList<QAction*> SweepView::runMenuActions() const {
    return {sweep_};
}

QCustomPlot* SweepView::exportablePlot() const {
    return plot_;
}

QJsonObject SweepView::sessionState() const {
    return {{QStringLiteral("y"), QString::fromUtf8(core::measureKey(plot_->measure()).data())}};
}

void SweepView::restoreSessionState(const QJsonObject& state) {
    const auto measure =
        core::measureFromKey(state.value(QStringLiteral("y")).toString().toStdString());
    if (measure) {
        measure_->setCurrentIndex(measure_->findData(static_cast<int>(*measure)));
    }
    if (const QJsonValue logY = state.value(QStringLiteral("log_y")); logY.isBool()) {
        logY_->setChecked(logY.toBool());
    }
}

void SweepView::openDialog() {
    if (!context_.panel.config()) {
        status_->setText(tr("Cannot sweep — %1").arg(context_.panel.invalidReason()));
        bringViewForward(widget_);
        return;
    }
    SweepRequest initial = lastRequest_;
    if (const auto& config = context_.panel.config()) {
        if (std::find(initial.optimizers.begin(), initial.optimizers.end(),
                      config->optimizer.kind) == initial.optimizers.end()) {
            initial.optimizers = {config->optimizer.kind};
        }
    }
    SweepDialog dialog(initial, widget_->window());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (const auto request = dialog.request()) {
        if (!startSweep(*request).empty()) {
            bringViewForward(widget_);
            growViewTo(widget_, kRoomySweepHeight);
        }
    }
}

std::vector<core::RunId> SweepView::startSweep(const SweepRequest& request) {
    const auto& config = context_.panel.config();
    if (!config) {
        status_->setText(tr("Cannot sweep — %1").arg(context_.panel.invalidReason()));
        return {};
    }
    lastRequest_ = request;
    const int sweep = context_.store.lastSweep() + 1;
    std::vector<core::RunId> ids;
    for (const core::RunConfig& run : sweepConfigs(*config, request)) {
        // The store adds the run when the controller queues it, as for Train.
        const core::RunId id = context_.controller.start(run);
        // The legend of the loss plot tells a sweep's run from the user's own at that rate.
        context_.store.setName(id, tr("%1 · sweep %2").arg(defaultRunName(run)).arg(sweep));
        context_.store.setSweep(id, sweep);
        ids.push_back(id);
    }
    ++sweepsStarted_;
    refresh();
    return ids;
}

bool SweepView::isMember(core::RunId id) const {
    const Run* run = context_.store.run(id);
    return run != nullptr && run->sweep != 0;
}

std::vector<core::RunId> SweepView::members() const {
    std::vector<core::RunId> ids;
    for (const Run& run : context_.store.runs()) {
        if (run.sweep != 0) {
            ids.push_back(run.id);
        }
    }
    return ids;
}

void SweepView::scheduleRefresh() {
    if (!refreshTimer_.isActive()) {
        refreshTimer_.start();
    }
}

void SweepView::refresh() {
    refreshTimer_.stop();
    const auto measure = plot_->measure();
    std::vector<const core::RunConfig*> configs;
    std::vector<const Run*> runs;
    for (const Run& run : context_.store.runs()) {
        if (run.sweep != 0) {
            runs.push_back(&run);
            configs.push_back(&run.config);
        }
    }
    const std::vector<QString> groups = sweepGroups(configs);
    std::vector<SweepPlotRun> points;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& run = *runs[i];
        SweepPlotRun point;
        point.id = run.id;
        point.group = groups[i];
        point.lr = run.config.optimizer.lr;
        point.value = core::sweepValue(run.history, measure);
        point.divergedAt = run.divergedAt;
        point.finished = isFinished(run.state);
        points.push_back(point);
    }
    plot_->setRuns(points);
    showProgress(runs);
}

void SweepView::showProgress(const std::vector<const Run*>& runs) {
    if (runs.empty()) {
        status_->setText(sweepsStarted_ == 0 ? tr("Click a point to select its run.")
                                             : tr("The sweep's runs were removed."));
        return;
    }
    int finished = 0;
    int diverged = 0;
    for (const Run* run : runs) {
        finished += isFinished(run->state) ? 1 : 0;
        diverged += run->divergedAt ? 1 : 0;
    }
    QString text = finished != static_cast<int>(runs.size())
                       ? tr("%1 of %2 runs done").arg(finished).arg(runs.size())
                   : finished == 1 ? tr("1 run done")
                                   : tr("%1 runs done").arg(finished);
    if (diverged > 0) {
        text += tr(", %1 diverged (✕ at the top)").arg(diverged);
    }
    status_->setText(text + tr(". Click a point to select its run."));
}

}  // namespace lrscope::ui
