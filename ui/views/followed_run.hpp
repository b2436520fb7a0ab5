#pragma once

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

struct ViewContext;

// The run a view of one run shows: the current selection, else the newest run (so a run
// just started is shown without a click); 0 when the store is empty.
core::RunId followedRun(const ViewContext& context);

}  // namespace lrscope::ui
