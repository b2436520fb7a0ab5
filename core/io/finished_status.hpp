#pragma once

#include <optional>
#include <string_view>

#include "core/training/trainer.hpp"

namespace lrscope::core {

// How a run ended, as session files and runs CSVs store it. Files hold finished runs only:
// the window can reopen a run but not resume its training, so a run still queued, training
// or paused when a session is saved is stored as Stopped at its last recorded epoch.
enum class FinishedStatus { Done, Stopped, Diverged, Failed };

std::string_view finishedStatusName(FinishedStatus status);  // "done", "stopped", ...
// The inverse; nullopt for any other text.
std::optional<FinishedStatus> parseFinishedStatus(std::string_view text);
// A trainer's result: Completed is "done".
FinishedStatus finishedStatusOf(RunStatus status);

// "done, stopped, diverged or failed", for messages.
std::string_view finishedStatusChoices();

}  // namespace lrscope::core
