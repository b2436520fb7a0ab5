#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lrscope::core {

// One curve read from another tool's file (a TensorBoard download, a CSV log): read-only,
// drawn beside the runs trained here.
//
// Steps are finite and never decrease. A step may repeat: TensorBoard keeps both points when
// a run restarted from a checkpoint logs a step again, and a log may hold several values per
// epoch; both points are kept in file order, so the plot draws a vertical segment there.
// Values may be NaN or +-Inf (TensorBoard exports them when training diverged); they are
// kept as points the plot does not draw, so the step axis still shows where they were.
struct ImportedSeries {
    std::string name;    // for the legend: the TensorBoard tag's file name, or the CSV column
    std::string source;  // the file it came from, as given
    std::vector<std::pair<double /*step*/, double /*value*/>> points;
};

// The legend name of a file's series: its file name without folders and extension
// ("logs/run-train-tag-loss.csv" -> "run-train-tag-loss").
std::string seriesNameOf(const std::string& source);

// The step of the last point, if any.
std::optional<double> lastStep(const ImportedSeries& series);

// Checks that `step` may follow the step before it (none for the first point); returns what
// is wrong as "found ...; expected ..." without the place, or an empty string when it may.
std::string stepProblem(std::optional<double> previous, double step);

}  // namespace lrscope::core
