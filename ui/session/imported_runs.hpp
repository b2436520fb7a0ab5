#pragma once

#include <vector>

#include <QString>

#include "core/io/imported_file.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

// The runs an imported file gives, read-only and finished, for RunStore::addFinishedRun (ids
// left 0): one curve per TensorBoard download or CSV log column, named after it; one run per
// run of an lrscope runs CSV, with its history, rate and status (diverged included).
// `source` is the file as the run list shows where a run came from.
std::vector<Run> importedRuns(const core::ImportedFile& file, const QString& source);

}  // namespace lrscope::ui
