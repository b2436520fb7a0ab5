#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lrscope::core {

// Shortest text that reads back to the same double (std::to_chars).
std::string formatNumber(double value);

// Compact form for labels: "3e-3", "0.03", "1.5e-4" (at most `digits` significant digits).
std::string formatCompact(double value, int digits = 3);

// Whole-string parse with std::from_chars; accepts a leading '+'. nullopt on any junk.
// NaN and Inf parse (callers decide whether they are allowed).
std::optional<double> parseDouble(std::string_view text);
std::optional<long> parseLong(std::string_view text);

}  // namespace lrscope::core
