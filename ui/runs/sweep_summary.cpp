#include "ui/runs/sweep_summary.hpp"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>

#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

namespace {

constexpr std::size_t kSwatchColours = 6;

QString tr(const char* text) {
    return QCoreApplication::translate("SweepSummary", text);
}

QString statusOf(const std::vector<const Run*>& runs) {
    int training = 0;
    int waiting = 0;  // queued or paused
    int finished = 0;
    int diverged = 0;
    int failed = 0;
    for (const Run* run : runs) {
        training += run->state == RunState::Training ? 1 : 0;
        waiting += run->state == RunState::Queued || run->state == RunState::Paused ? 1 : 0;
        finished += isFinished(run->state) ? 1 : 0;
        diverged += run->state == RunState::Diverged ? 1 : 0;
        failed += run->state == RunState::Failed ? 1 : 0;
    }
    QStringList parts;
    if (training > 0) {
        parts << tr("%1 training").arg(training);
    }
    if (waiting > 0) {
        parts << tr("%1 waiting").arg(waiting);
    }
    parts << (finished == static_cast<int>(runs.size())
                  ? tr("all finished")
                  : tr("%1 of %2 finished").arg(finished).arg(runs.size()));
    if (diverged > 0) {
        parts << tr("%1 diverged").arg(diverged);
    }
    if (failed > 0) {
        parts << tr("%1 failed").arg(failed);
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

SweepSummary summariseSweep(int sweep, const std::vector<const Run*>& runs) {
    SweepSummary summary;
    summary.name = runs.size() == 1 ? tr("Sweep %1 · 1 run").arg(sweep)
                                    : tr("Sweep %1 · %2 runs").arg(sweep).arg(runs.size());
    if (runs.empty()) {
        return summary;
    }
    QStringList optimizers;
    double lowest = runs.front()->config.optimizer.lr;
    double highest = lowest;
    int planned = runs.front()->config.epochs;
    bool samePlan = true;
    int slowest = runs.front()->lastEpoch();
    int fastest = slowest;
    summary.data = dataSetName(runs.front()->config.data);
    for (const Run* run : runs) {
        const QString optimizer = optimizerLabel(run->config.optimizer.kind);
        if (!optimizers.contains(optimizer)) {
            optimizers << optimizer;
        }
        lowest = std::min(lowest, run->config.optimizer.lr);
        highest = std::max(highest, run->config.optimizer.lr);
        samePlan = samePlan && run->config.epochs == planned;
        slowest = std::min(slowest, run->lastEpoch());
        fastest = std::max(fastest, run->lastEpoch());
        if (dataSetName(run->config.data) != summary.data) {
            summary.data = tr("mixed");
        }
        const auto& best = run->bestTestLoss ? run->bestTestLoss : run->bestTrainLoss;
        if (best && (!summary.bestLoss || *best < *summary.bestLoss)) {
            summary.bestLoss = best;
            summary.bestRun = run->name;
        }
        summary.visibleCount += run->visible ? 1 : 0;
        if (summary.colours.size() < kSwatchColours) {
            summary.colours.push_back(run->colour);
        }
    }
    summary.optimizers = optimizers.join(QStringLiteral(", "));
    summary.rates = lowest == highest ? compactNumber(lowest)
                                      : QStringLiteral("%1 … %2").arg(compactNumber(lowest),
                                                                      compactNumber(highest));
    summary.status = statusOf(runs);
    if (samePlan) {
        const QString reached = slowest == fastest
                                    ? QString::number(slowest)
                                    : QStringLiteral("%1–%2").arg(slowest).arg(fastest);
        summary.epochs = QStringLiteral("%1 / %2").arg(reached).arg(planned);
    }
    return summary;
}

}  // namespace lrscope::ui
