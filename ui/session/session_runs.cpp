#include "ui/session/session_runs.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace lrscope::ui {

core::FinishedStatus storedStatus(RunState state) {
    switch (state) {
        case RunState::Done:
            return core::FinishedStatus::Done;
        case RunState::Diverged:
            return core::FinishedStatus::Diverged;
        case RunState::Failed:
            return core::FinishedStatus::Failed;
        case RunState::Queued:
        case RunState::Training:
        case RunState::Paused:
        case RunState::Stopped:
            return core::FinishedStatus::Stopped;
    }
    return core::FinishedStatus::Stopped;
}

namespace {

RunState stateOf(core::FinishedStatus status) {
    switch (status) {
        case core::FinishedStatus::Done:
            return RunState::Done;
        case core::FinishedStatus::Stopped:
            return RunState::Stopped;
        case core::FinishedStatus::Diverged:
            return RunState::Diverged;
        case core::FinishedStatus::Failed:
            return RunState::Failed;
    }
    return RunState::Stopped;
}

// A session run's history is epochs 0, 1, 2, ...; an imported runs CSV may skip epochs.
bool contiguousFromZero(const std::vector<core::EpochRecord>& history) {
    for (size_t i = 0; i < history.size(); ++i) {
        if (history[i].epoch != static_cast<int>(i)) {
            return false;
        }
    }
    return true;
}

core::ImportedRun importedCurve(const Run& run) {
    core::ImportedRun curve;
    curve.name = run.name.toStdString();
    curve.source = run.importedFrom.toStdString();
    // A session holds finite numbers only; the plots do not draw NaN or Inf points either, so
    // leaving them out draws the curve as it was drawn.
    std::copy_if(run.importedPoints.begin(), run.importedPoints.end(),
                 std::back_inserter(curve.points),
                 [](const std::array<double, 2>& p) { return std::isfinite(p[1]); });
    if (run.importedPoints.empty()) {
        // An imported history with gaps keeps what the loss plot draws of it.
        for (const core::EpochRecord& record : run.history) {
            if (std::isfinite(record.trainLoss)) {
                curve.points.push_back({static_cast<double>(record.epoch), record.trainLoss});
            }
        }
    }
    return curve;
}

}  // namespace

void captureRuns(const RunStore& store, core::Session& session) {
    int number = 0;
    for (const Run& run : store.runs()) {
        if (run.imported() && (!run.importedPoints.empty() || !contiguousFromZero(run.history))) {
            session.importedRuns.push_back(importedCurve(run));
            continue;
        }
        core::SessionRun out;
        out.number = ++number;
        out.name = run.name.toStdString();
        out.colour = run.colour.name().toStdString();
        out.visible = run.visible;
        out.sweep = run.sweep;
        out.status = storedStatus(run.state);
        // A run stopped at epoch 0 by its first non-finite loss has divergedAt without the
        // diverged state; the format keeps the two together.
        if (out.status == core::FinishedStatus::Diverged && run.divergedAt) {
            out.divergedAt = run.divergedAt;
        } else if (out.status == core::FinishedStatus::Diverged) {
            out.status = core::FinishedStatus::Stopped;
        }
        out.config = run.config;
        out.config.initialWeights.reset();
        for (const LrChange& change : run.lrChanges) {
            out.lrChanges.push_back({change.epoch, change.lr});
        }
        out.history = run.history;
        core::clearNonFiniteStatistics(out.history);
        out.finalWeights = run.finalWeights;
        out.importedFrom = run.importedFrom.toStdString();
        session.runs.push_back(std::move(out));
    }
}

std::vector<Run> runsOfSession(const core::Session& session) {
    std::vector<Run> runs;
    for (const core::SessionRun& in : session.runs) {
        Run run;
        run.name = QString::fromStdString(in.name);
        run.colour = QColor(QString::fromStdString(in.colour));
        run.visible = in.visible;
        run.sweep = in.sweep;
        run.state = stateOf(in.status);
        run.divergedAt = in.divergedAt;
        run.config = in.config;
        for (const core::LrChange& change : in.lrChanges) {
            run.lrChanges.push_back({change.epoch, change.lr});
        }
        run.history = in.history;
        run.finalWeights = in.finalWeights;
        run.importedFrom = QString::fromStdString(in.importedFrom);
        runs.push_back(std::move(run));
    }
    for (const core::ImportedRun& in : session.importedRuns) {
        Run run;
        run.name = QString::fromStdString(in.name);
        run.importedFrom = QString::fromStdString(in.source);
        // An imported run always names where it came from, so it is listed as imported.
        if (run.importedFrom.isEmpty()) {
            run.importedFrom = QObject::tr("an unnamed file");
        }
        run.importedPoints = in.points;
        run.state = RunState::Done;
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace lrscope::ui
