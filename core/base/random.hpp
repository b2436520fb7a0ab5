#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace lrscope::core {

// The run's own random source. Draws are computed here from raw 64-bit outputs (not with
// <random>'s distributions, whose results differ between standard libraries), so a seed
// gives the same numbers on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    // Uniform integer in [0, n), n > 0, without modulo bias.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t x = engine_();
        while (x >= limit) {
            x = engine_();
        }
        return x % n;
    }

    // Standard normal (Box-Muller; the second value is discarded for simplicity).
    double normal() {
        double u1 = uniform();
        while (u1 <= 0.0) {
            u1 = uniform();
        }
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

    double normal(double mean, double stddev) { return mean + stddev * normal(); }

    // Fisher-Yates shuffle of any random-access range.
    template <typename Range>
    void shuffle(Range& range) {
        const auto n = static_cast<std::uint64_t>(std::size(range));
        for (std::uint64_t i = n; i > 1; --i) {
            const auto j = below(i);
            using std::swap;
            swap(range[i - 1], range[j]);
        }
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace lrscope::core
