#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis/run_summary.hpp"
#include "core/io/finished_status.hpp"

namespace lrscope::core {

// One run of a sweep as `lrscope-cli sweep --summary` reports it.
struct SweepSummaryEntry {
    std::string optimizer;  // "sgd", "adam", ...
    double lr = 0.0;        // the run's base rate
    RunSummary summary;
    FinishedStatus status = FinishedStatus::Done;
    std::optional<int> divergedAt;
};

// A JSON array, one object per run in sweep order:
//   {"optimizer": "sgd", "lr": 0.01, "final_train_loss": 0.12, "final_test_loss": 0.15,
//    "best_test_loss": 0.14, "status": "done", "diverged_at": null}
// Numbers in shortest round-trip form; null where a value does not apply (no test split, an
// empty history, a run that did not diverge).
std::string sweepSummaryJsonText(const std::vector<SweepSummaryEntry>& entries);

}  // namespace lrscope::core
