#include "ui/session/imported_runs.hpp"

#include <algorithm>

#include "core/base/errors.hpp"
#include "core/optim/optimizer.hpp"

namespace lrscope::ui {

std::vector<Run> importedRuns(const core::ImportedFile& file, const QString& source) {
    std::vector<Run> runs;
    for (const core::ImportedSeries& series : file.series) {
        Run run;
        run.name = QString::fromStdString(series.name);
        run.importedFrom = source;
        run.state = RunState::Done;
        for (const auto& [step, value] : series.points) {
            run.importedPoints.push_back({step, value});
        }
        runs.push_back(std::move(run));
    }
    for (const core::NamedHistory& named : file.runs) {
        Run run;
        run.name = named.name.empty() ? QObject::tr("run %1").arg(named.run)
                                      : QString::fromStdString(named.name);
        run.importedFrom = source;
        try {
            run.config.optimizer = core::defaultsFor(core::parseOptimizer(named.optimizer));
        } catch (const core::InputError&) {
            // An optimizer this lrscope does not know: the run still draws, under its name.
        }
        run.config.optimizer.lr = named.baseLr;
        run.config.epochs = named.history.empty() ? 0 : std::max(named.history.back().epoch, 0);
        run.history = named.history;
        run.divergedAt = named.divergedAt;
        const auto status = named.status.value_or(named.divergedAt ? core::FinishedStatus::Diverged
                                                                   : core::FinishedStatus::Done);
        run.state = status == core::FinishedStatus::Diverged  ? RunState::Diverged
                    : status == core::FinishedStatus::Stopped ? RunState::Stopped
                    : status == core::FinishedStatus::Failed  ? RunState::Failed
                                                              : RunState::Done;
        for (const core::EpochRecord& record : run.history) {
            if (record.lrChangedTo) {
                run.lrChanges.push_back({record.epoch, *record.lrChangedTo});
            }
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace lrscope::ui
