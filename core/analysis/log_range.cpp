#include "core/analysis/log_range.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/base/number_format.hpp"

namespace lrscope::core {

namespace {

// `value` times 10^decades, computed on its shortest decimal text ("3e-04" -> "3e-02") so
// the result is the double nearest to that decimal; nullopt when it over- or underflows.
std::optional<double> shiftedByDecades(double value, long decades) {
    std::array<char, 64> buffer{};
    const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                       std::chars_format::scientific);
    const std::string text(buffer.data(), written.ptr);
    const auto e = text.find('e');
    const long exponent = std::stol(text.substr(e + 1)) + decades;
    const auto shifted = parseDouble(text.substr(0, e) + "e" + std::to_string(exponent));
    if (!shifted || !std::isfinite(*shifted) || *shifted == 0.0) {
        return std::nullopt;
    }
    return shifted;
}

// The whole number `x` is within rounding of, if any. log10 of the end points carries an
// error of a few ulps of their magnitude, so that is the tolerance.
std::optional<long> nearWholeNumber(double x, double magnitude) {
    const double tolerance = 8.0 * std::numeric_limits<double>::epsilon() * magnitude;
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= tolerance) {
        return static_cast<long>(nearest);
    }
    return std::nullopt;
}

}  // namespace

std::vector<double> logSpaced(double min, double max, int count) {
    if (!(min > 0.0) || !std::isfinite(max) || !(max >= min) || count < 1) {
        throw std::invalid_argument("logSpaced needs 0 < min <= max, both finite, and count >= 1");
    }
    std::vector<double> points(static_cast<size_t>(count));
    points.front() = min;
    if (count == 1) {
        return points;
    }
    const double low = std::log10(min);
    const double high = std::log10(max);
    const double magnitude = std::max({1.0, std::fabs(low), std::fabs(high)});
    const double span = high - low;
    for (int i = 1; i < count - 1; ++i) {
        const double fromMin = span * static_cast<double>(i) / static_cast<double>(count - 1);
        // Between two decimals a point can be a decimal only a whole number of decades from
        // the ends (10^(p/q) is irrational otherwise), so counting from `min` suffices.
        std::optional<double> point;
        if (const auto decades = nearWholeNumber(fromMin, magnitude)) {
            point = shiftedByDecades(min, *decades);
        }
        points[static_cast<size_t>(i)] = point ? *point : std::pow(10.0, low + fromMin);
    }
    points.back() = max;
    return points;
}

}  // namespace lrscope::core
