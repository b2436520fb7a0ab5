#pragma once

#include <vector>

namespace lrscope::core {

// `count` points from `min` to `max`, evenly spaced in log10 (a learning-rate sweep's grid).
// The first point is exactly `min` and the last exactly `max`. A point a whole number of
// decades from `min` is `min` with its decimal exponent shifted, parsed from that text:
// 1e-4..1 in 5 points gives exactly 1e-4, 1e-3, 1e-2, 0.1, 1, and 3e-4..3 gives 3e-4, 3e-3,
// ... as the decimals a person types. Other points are 10^e. Requires 0 < min <= max, both
// finite, and count >= 1; throws std::invalid_argument otherwise (callers validate input).
std::vector<double> logSpaced(double min, double max, int count);

}  // namespace lrscope::core
