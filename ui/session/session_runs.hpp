#pragma once

#include <vector>

#include "core/io/session.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

// The store's runs as a session holds them: runs trained here (and whole imported
// histories) as session runs numbered 1, 2, ... in list order, imported curves as imported
// runs. A run still training is stored as stopped at its last epoch, as the format says.
void captureRuns(const RunStore& store, core::Session& session);

// How a run's state is stored (a session's "status", a runs CSV's status column): a run still
// training, paused or queued counts as stopped at its last epoch.
core::FinishedStatus storedStatus(RunState state);

// The inverse: the session's runs and imported curves as finished runs, in its order, with
// their names, colours, visibility, states and histories; ids are left 0 for the caller.
std::vector<Run> runsOfSession(const core::Session& session);

}  // namespace lrscope::ui
