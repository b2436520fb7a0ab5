#pragma once

#include <QString>

namespace lrscope::ui {

// Where a run stands. One state machine for the whole window (the run store keeps it):
//   queued -> training <-> paused -> done | stopped | diverged | failed
// A queued run may also be paused (and resumed back to queued) before it starts, stopped or
// fail at start. A done or stopped run may be continued (back to queued, its history goes on);
// a diverged or failed run never changes again.
enum class RunState { Queued, Training, Paused, Done, Stopped, Diverged, Failed };

QString runStateName(RunState state);  // "queued", "training", ...
bool isFinished(RunState state);       // done, stopped, diverged or failed
bool isLegalTransition(RunState from, RunState to);

}  // namespace lrscope::ui
