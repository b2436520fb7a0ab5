#pragma once

#include <QString>

namespace lrscope::ui {

// Where a run stands, as the run list shows it.
enum class RunState { Queued, Training, Paused, Done, Stopped, Diverged, Failed };

QString runStateName(RunState state);  // "queued", "training", ...
bool isFinished(RunState state);       // done, stopped, diverged or failed

}  // namespace lrscope::ui
