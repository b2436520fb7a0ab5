#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/io/finished_status.hpp"
#include "core/training/epoch_record.hpp"

namespace lrscope::core {

// Per-epoch CSV: epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,
// update_ratio,step_size,lr_changed_to. Numbers in shortest round-trip form; empty where a
// value does not apply.
std::string historyCsvHeader();
std::string historyCsvRow(const EpochRecord& record);

// Long format for many runs: run,name,optimizer,base_lr, then the columns above, then
// status,diverged_at: the same on every row of a run, so a re-read run still shows how it
// ended. Both are empty where unknown (a run exported while it trains).
struct NamedHistory {
    std::string name;
    std::string optimizer;
    double baseLr = 0.0;
    int run = 0;
    std::vector<EpochRecord> history;
    std::optional<FinishedStatus> status;
    std::optional<int> divergedAt;  // set exactly when status is Diverged
};
std::string longCsvHeader();
std::string longCsvRow(const NamedHistory& run, const EpochRecord& record);
// The header and every run's rows, in the order given.
std::string longCsvText(const std::vector<NamedHistory>& runs);

// Reads a long runs CSV back: runs in order of first appearance, each with its rows in file
// order (record.run_id = the run column). Columns are found by name (any order; others are
// ignored); run and epoch are whole numbers, epochs increase within a run; train_loss, lr and
// base_lr are required, the other numbers may be empty. A run's name, optimizer and base_lr
// come from its first row. status and diverged_at are optional columns (files written before
// them have neither); when present, every row of a run repeats its first row's values, and
// diverged_at is given exactly when status is "diverged". `source` names the text in messages.
// Throws InputError saying where ("runs.csv:3:6"), what was found and what was expected.
std::vector<NamedHistory> readLongCsv(std::istream& in, const std::string& source);
std::vector<NamedHistory> readLongCsvFile(const std::string& path);

}  // namespace lrscope::core
