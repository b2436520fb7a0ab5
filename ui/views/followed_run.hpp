#pragma once

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

struct ViewContext;

// The run a view of one run shows: the current selection, else the newest run that has
// trained (so a run just started is shown without a click, and a sweep's queued runs do not
// leave the view empty until the last of them starts; a continued run waiting in the queue
// has trained), else the newest run; 0 when the store is empty. Views follow again when a
// run's state changes.
core::RunId followedRun(const ViewContext& context);

}  // namespace lrscope::ui
