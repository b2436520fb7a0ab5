#pragma once

// What every imported series must satisfy, whichever reader made it (see imported_series.hpp).

#include <cmath>

#include "core/io/imported_series.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace lrscope::fuzz {

inline void checkSeries(const core::ImportedSeries& series) {
    check(!series.points.empty(), "a series without points was accepted");
    for (std::size_t i = 0; i < series.points.size(); ++i) {
        const double step = series.points[i].first;
        check(std::isfinite(step), "a step is not finite");
        check(i == 0 || step >= series.points[i - 1].first, "steps decrease");
    }
}

}  // namespace lrscope::fuzz
