#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace lrscope::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;

// Where a command writes. `progress` is true when stderr is a terminal, so a live progress
// line is wanted there.
struct Console {
    std::ostream& out;
    std::ostream& err;
    bool progress = false;
};

// Each returns the process exit code. Bad input throws core::InputError (the caller prints
// it and exits 2).
int runTrainCommand(const std::vector<std::string>& args, Console& console);
int runSweepCommand(const std::vector<std::string>& args, Console& console);
int runLrFindCommand(const std::vector<std::string>& args, Console& console);
int runLandscapeCommand(const std::vector<std::string>& args, Console& console);
int runPredictCommand(const std::vector<std::string>& args, Console& console);
// Joins runs CSVs and sessions (e.g. a sweep's shards) in run order.
int runMergeCommand(const std::vector<std::string>& args, Console& console);

}  // namespace lrscope::cli
