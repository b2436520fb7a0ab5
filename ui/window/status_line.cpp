#include "ui/window/status_line.hpp"

#include <algorithm>

#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>

#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

constexpr int kRefreshIntervalMs = 250;

}  // namespace

StatusLine::StatusLine(QStatusBar& bar, const RunStore& store, const TrainingController& controller,
                       const RunSelection& selection, const ControlPanel& panel)
    : QObject(&bar),
      store_(store),
      controller_(controller),
      selection_(selection),
      panel_(panel),
      activity_(new QLabel(&bar)),
      progress_(new QLabel(&bar)),
      timer_(new QTimer(this)) {
    bar.addWidget(activity_, 1);
    bar.addPermanentWidget(progress_);
    timer_->setInterval(kRefreshIntervalMs);
    connect(timer_, &QTimer::timeout, this, &StatusLine::refresh);
    timer_->start();
    connect(&panel_, &ControlPanel::validityChanged, this, &StatusLine::refresh);
    connect(&selection_, &RunSelection::changed, this, &StatusLine::refresh);
    refresh();
}

QString StatusLine::activityText() const {
    if (!panel_.config()) {
        return tr("Cannot train — %1").arg(panel_.invalidReason());
    }
    const auto& runs = store_.runs();
    const auto training = std::count_if(runs.begin(), runs.end(), [](const Run& r) {
        return r.state == RunState::Training || r.state == RunState::Paused;
    });
    const auto queued = std::count_if(runs.begin(), runs.end(),
                                      [](const Run& r) { return r.state == RunState::Queued; });
    QStringList parts;
    parts << tr("%1 training").arg(training);
    if (queued > 0) {
        parts << tr("%1 queued (all %2 cores busy)").arg(queued).arg(controller_.threadCount());
    }
    parts << tr("%1 epochs/s").arg(QLocale().toString(controller_.epochsPerSecond(), 'f', 0));
    return parts.join(QStringLiteral("  ·  "));
}

QString StatusLine::progressText() const {
    const core::RunId id = selection_.current() != 0
                               ? selection_.current()
                               : (store_.empty() ? 0 : store_.runs().back().id);
    const Run* run = id != 0 ? store_.run(id) : nullptr;
    if (run == nullptr) {
        return {};
    }
    if (!run->importedPoints.empty()) {
        return tr("%1: imported from %2").arg(listedName(*run), run->importedFrom);
    }
    return tr("run %1: epoch %2 / %3 · %4")
        .arg(id)
        .arg(run->lastEpoch())
        .arg(run->config.epochs)
        .arg(runStateName(run->state));
}

void StatusLine::refresh() {
    const bool valid = panel_.config().has_value();
    activity_->setText(activityText());
    // Restyling re-polishes the label: only when validity flips.
    if (activity_->property("invalid").toBool() == valid) {
        activity_->setProperty("invalid", !valid);
        activity_->setStyleSheet(valid ? QString() : QStringLiteral("color: #B34700;"));
    }
    progress_->setText(progressText());
}

}  // namespace lrscope::ui
