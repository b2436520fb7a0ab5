#include "core/base/number_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace lrscope::core {

namespace {

std::string nonFiniteText(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    return value < 0 ? "-inf" : "inf";
}

// The fixed-point text of a number given by its significant digits ("15") and the decimal
// exponent of the first digit (-4 for 1.5e-4): "0.00015".
std::string fixedFromDigits(const std::string& digits, int exponent) {
    const auto count = static_cast<int>(digits.size());
    if (exponent < 0) {
        return "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    }
    if (count <= exponent + 1) {
        return digits + std::string(static_cast<size_t>(exponent + 1 - count), '0');
    }
    const auto point = static_cast<size_t>(exponent + 1);
    return digits.substr(0, point) + "." + digits.substr(point);
}

}  // namespace

std::string formatNumber(double value) {
    if (!std::isfinite(value)) {
        return nonFiniteText(value);
    }
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string formatCompact(double value, int digits) {
    if (!std::isfinite(value)) {
        return nonFiniteText(value);
    }
    if (value == 0.0) {
        return "0";
    }
    digits = std::clamp(digits, 1, 17);
    const bool negative = value < 0;
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                      std::fabs(value), std::chars_format::scientific, digits - 1);
    const std::string text(buffer.data(), result.ptr);  // "1.50e-04"
    const auto ePos = text.find('e');
    std::string mantissa = text.substr(0, ePos);
    const int exponent = std::atoi(text.c_str() + ePos + 1);

    // Significant digits without trailing zeros: "1.50" -> "15".
    std::string significant;
    for (const char c : mantissa) {
        if (c != '.') {
            significant.push_back(c);
        }
    }
    while (significant.size() > 1 && significant.back() == '0') {
        significant.pop_back();
    }

    std::string scientific = significant.substr(0, 1);
    if (significant.size() > 1) {
        scientific += "." + significant.substr(1);
    }
    scientific += "e" + std::to_string(exponent);
    const std::string fixed = fixedFromDigits(significant, exponent);

    // The shorter form wins; ties go to fixed. Values from 1 to 9999 always print fixed, so a
    // legend says "lr=100" rather than "lr=1e2".
    const bool prefer_fixed = fixed.size() <= scientific.size() || (exponent >= 0 && exponent <= 3);
    return (negative ? "-" : "") + (prefer_fixed ? fixed : scientific);
}

namespace {

// from_chars takes no '+': drop one, but not "+-1" or "++1". False when nothing is left.
bool dropLeadingPlus(std::string_view& text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
            return false;
        }
    }
    return !text.empty();
}

}  // namespace

std::optional<double> parseDouble(std::string_view text) {
    if (!dropLeadingPlus(text)) {
        return std::nullopt;
    }
    double value = 0.0;
    const char* const end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ptr != end) {
        return std::nullopt;
    }
    if (result.ec == std::errc::result_out_of_range) {
        // Well-formed but beyond double's range: strtod gives +-HUGE_VAL (infinity) for
        // overflow and a denormal or zero for underflow, as a reader would expect.
        const std::string copy(text);
        return std::strtod(copy.c_str(), nullptr);
    }
    if (result.ec != std::errc()) {
        return std::nullopt;
    }
    return value;
}

std::optional<long> parseLong(std::string_view text) {
    if (!dropLeadingPlus(text)) {
        return std::nullopt;
    }
    long value = 0;
    const char* const end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc() || result.ptr != end) {
        return std::nullopt;
    }
    return value;
}

}  // namespace lrscope::core
