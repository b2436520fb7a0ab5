#include "core/io/imported_series.hpp"

#include <cmath>
#include <filesystem>

#include "core/base/number_format.hpp"

namespace lrscope::core {

std::string seriesNameOf(const std::string& source) {
    const std::string stem = std::filesystem::path(source).stem().string();
    return stem.empty() ? source : stem;
}

std::optional<double> lastStep(const ImportedSeries& series) {
    if (series.points.empty()) {
        return std::nullopt;
    }
    return series.points.back().first;
}

std::string stepProblem(std::optional<double> previous, double step) {
    if (!std::isfinite(step)) {
        return "found step " + formatNumber(step) + "; expected a finite number";
    }
    if (previous && step < *previous) {
        return "found step " + formatNumber(step) + " after step " + formatNumber(*previous) +
               "; expected steps that never decrease (a step may repeat)";
    }
    return {};
}

}  // namespace lrscope::core
