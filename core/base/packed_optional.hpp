#pragma once

#include <bit>
#include <cstdint>
#include <optional>

namespace lrscope::core {

// An optional double in 8 bytes instead of std::optional<double>'s 16: "no value" is one NaN
// bit pattern that arithmetic does not produce (x86-64 makes 0xFFF8000000000000 and keeps the
// payload of a NaN operand), so every double, NaN included, is still a value. It has the parts
// of std::optional<double>'s interface that lrscope uses and converts both ways, so that an
// EpochRecord, held a million times per long run, costs 88 bytes rather than 144.
class PackedOptional {
public:
    constexpr PackedOptional() noexcept = default;
    constexpr PackedOptional(std::nullopt_t) noexcept {}  // NOLINT: as std::optional
    constexpr PackedOptional(double value) noexcept
        : bits_(std::bit_cast<std::uint64_t>(value)) {}                    // NOLINT
    constexpr PackedOptional(const std::optional<double>& value) noexcept  // NOLINT
        : bits_(value ? std::bit_cast<std::uint64_t>(*value) : kEmpty) {}

    constexpr bool has_value() const noexcept { return bits_ != kEmpty; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    // Like std::optional, only meaningful when has_value().
    constexpr double operator*() const noexcept { return std::bit_cast<double>(bits_); }
    constexpr double value() const {
        if (!has_value()) {
            throw std::bad_optional_access();
        }
        return **this;
    }
    constexpr double value_or(double fallback) const noexcept {
        return has_value() ? **this : fallback;
    }
    constexpr void reset() noexcept { bits_ = kEmpty; }
    constexpr operator std::optional<double>() const noexcept {  // NOLINT: as std::optional
        return has_value() ? std::optional<double>(**this) : std::nullopt;
    }

    // std::optional's comparisons: empty equals empty; values compare as doubles.
    friend constexpr bool operator==(const PackedOptional& a, const PackedOptional& b) noexcept {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }
    friend constexpr bool operator==(const PackedOptional& a, std::nullopt_t) noexcept {
        return !a.has_value();
    }
    friend constexpr bool operator==(const PackedOptional& a, double b) noexcept {
        return a.has_value() && *a == b;
    }

private:
    // A quiet NaN with a payload of its own, kept as bits so that no load or constant
    // evaluation can touch it on the way.
    static constexpr std::uint64_t kEmpty = 0x7FF8C0DE0E0E0E0EULL;
    std::uint64_t bits_ = kEmpty;
};

}  // namespace lrscope::core
