#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace lrscope::cli {

// `lrscope-cli plot`: trains runs (the train flags; --optimizer and --lr take lists and give
// their cross product, like sweep) or reads a runs CSV (--runs, the long format of
// core/history_csv.hpp), and renders the window's plot with the window's code to --out
// FILE.png|pdf|svg. Needs no display (QT_QPA_PLATFORM defaults to offscreen).
// Returns 0 on success, 2 for bad usage or input (one line on `err`), 1 for internal errors.
int runPlotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string plotHelp();

}  // namespace lrscope::cli
