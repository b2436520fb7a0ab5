#pragma once

#include <vector>

#include "core/analysis/sweep_summary_json.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/session.hpp"
#include "core/training/run_config.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::cli {

// A run trained by train or sweep: its number in the whole sweep (from 1; the same in every
// shard), its config and what training gave.
struct BatchRun {
    int number = 1;
    core::RunConfig config;
    core::RunResult result;
};

// Its rows in a runs CSV, named runName(config).
core::NamedHistory namedHistoryOf(const BatchRun& run);

// A session with these runs as the window would have drawn them: colours from the run
// palette by run number, all visible, final weights kept; the panel holds the first run's
// config and the views nothing. With `sweep` > 0 every run belongs to that sweep, so the
// window lists them as one and draws their U-curve.
core::Session sessionOf(const std::vector<BatchRun>& runs, int sweep = 0);

std::vector<core::SweepSummaryEntry> summaryOf(const std::vector<BatchRun>& runs);

}  // namespace lrscope::cli
