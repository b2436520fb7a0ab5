#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cli/arguments.hpp"
#include "ui/export/plot_export.hpp"

namespace lrscope::cli {

// The flags `plot` takes for its range test and sweep figures, besides its own.
std::vector<std::string> figureValueFlags();  // the range test's flags, --summary, --sweep-y
std::vector<std::string> figureSwitches();    // --lr-find, --sweep

// `plot --lr-find` (the range test with lr-find's flags, drawn with its suggestions) and
// `plot --sweep` (the U-curve of a sweep trained with sweep's flags, or of --runs FILE).
// Renders the figure to `out` and returns the line `plot` prints, or nullopt when neither
// switch is given (then throws InputError for a flag only they take). Flags that do not
// apply to the figure asked for throw InputError naming them.
std::optional<std::string> plotSpecialFigure(const Arguments& args, const std::string& out,
                                             const ui::FigureSize& size);

}  // namespace lrscope::cli
