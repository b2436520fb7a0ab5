#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/epoch_record.hpp"

namespace lrscope::core {

// Per-epoch CSV: epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,
// update_ratio,step_size,lr_changed_to. Numbers in shortest round-trip form; empty where a
// value does not apply.
std::string historyCsvHeader();
std::string historyCsvRow(const EpochRecord& record);

// Long format for many runs: run,name,optimizer,base_lr, then the columns above.
struct NamedHistory {
    std::string name;
    std::string optimizer;
    double base_lr = 0.0;
    int run = 0;
    std::vector<EpochRecord> history;
};
std::string longCsvHeader();
std::string longCsvRow(const NamedHistory& run, const EpochRecord& record);

}  // namespace lrscope::core
