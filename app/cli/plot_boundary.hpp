#pragma once

#ifdef LRSCOPE_WITH_PLOT

#include <string>

#include "app/cli/arguments.hpp"
#include "ui/export/plot_export.hpp"

namespace lrscope::cli {

// `lrscope-cli plot --boundary`: trains the one run the run flags give and draws what its final
// weights predict over the data's plane with the window's BoundaryPlot: the decision boundary
// of a 2-input classifier, or the fitted curve of a 1-input regression. Returns the line to
// print. Throws InputError for several runs, flags that only apply to curves, and data of
// another shape (saying why nothing can be drawn). A QApplication must exist.
std::string plotBoundary(const Arguments& args, const std::string& out, const ui::FigureSize& size);

// The flags of `plot` that draw curves, which --boundary rejects.
inline constexpr const char* kCurveOnlyFlags[] = {"--metric", "--series", "--log-y", "--runs",
                                                  "--lr-range"};

}  // namespace lrscope::cli

#endif  // LRSCOPE_WITH_PLOT
