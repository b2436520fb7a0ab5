#include "core/analysis/lr_suggestions.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace lrscope::core {

namespace {

// Points left out at the end: the last losses before a stop are the noisiest.
constexpr std::size_t kLeftOutAtEnd = 5;

double valley(const std::vector<RangeTestPoint>& points, std::size_t first, std::size_t count) {
    const auto loss = [&](std::size_t i) { return points[first + i].smoothedLoss; };
    std::vector<std::size_t> longest(count, 1);
    std::size_t end = 0;
    for (std::size_t i = 1; i < count; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (loss(i) < loss(j)) {
                longest[i] = std::max(longest[i], longest[j] + 1);
            }
        }
        if (longest[i] > longest[end]) {
            end = i;
        }
    }
    // s may be -1 when the valley starts at the slice's first point.
    const long e = static_cast<long>(end);
    const long s = e - static_cast<long>(longest[end]);
    const long index = std::max(0L, s + (e - s) / 3 + (e - s) / 6);
    return points[first + static_cast<std::size_t>(index)].lr;
}

double steep(const std::vector<RangeTestPoint>& points, std::size_t first, std::size_t count) {
    std::size_t best = 0;
    double bestSlope = 0.0;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const RangeTestPoint& a = points[first + i];
        const RangeTestPoint& b = points[first + i + 1];
        const double slope = (b.smoothedLoss - a.smoothedLoss) / (std::log(b.lr) - std::log(a.lr));
        if (i == 0 || slope < bestSlope) {
            best = i;
            bestSlope = slope;
        }
    }
    return points[first + best].lr;
}

double minimum(const std::vector<RangeTestPoint>& points, std::size_t first, std::size_t count) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < count; ++i) {
        if (points[first + i].smoothedLoss < points[first + best].smoothedLoss) {
            best = i;
        }
    }
    return points[first + best].lr / 10.0;
}

}  // namespace

LrSuggestions lrSuggestions(const std::vector<RangeTestPoint>& points, int iterations) {
    LrSuggestions suggestions;
    const std::size_t first = static_cast<std::size_t>(std::max(iterations, 0) / 10);
    const std::size_t recorded = points.size();
    const std::size_t count =
        recorded > first + kLeftOutAtEnd ? recorded - first - kLeftOutAtEnd : 0;
    if (count < 2) {
        suggestions.reason = std::to_string(recorded) + " points recorded; leaving out the first " +
                             std::to_string(first) + " and the last " +
                             std::to_string(kLeftOutAtEnd) + " leaves " + std::to_string(count) +
                             ", expected at least 2";
        return suggestions;
    }
    suggestions.valley = valley(points, first, count);
    suggestions.steep = steep(points, first, count);
    suggestions.minimum = minimum(points, first, count);
    return suggestions;
}

}  // namespace lrscope::core
