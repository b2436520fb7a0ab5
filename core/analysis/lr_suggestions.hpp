#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis/range_test.hpp"

namespace lrscope::core {

// Learning rates suggested from a range test, as fastai's lr_find suggests them.
struct LrSuggestions {
    std::optional<double> valley;
    std::optional<double> steep;
    std::optional<double> minimum;
    std::string reason;  // why there are none (empty when there are)
};

// The suggestions read the recorded smoothed losses and their rates with the first
// floor(N / 10) and the last 5 recorded points left out, N being the iterations asked for
// (not the number recorded), as fastai slices `losses[num_it // 10 : -5]`. Indices below are
// within that slice; with fewer than 2 points left there are no suggestions.
//  valley:  L[i] = length of the longest strictly decreasing subsequence ending at i;
//           e = the first index with the largest L, s = e - L[e]; the rate at
//           max(0, s + floor((e - s) / 3) + floor((e - s) / 6)).
//  steep:   the rate lr_i at the first i minimising
//           (smoothed_{i+1} - smoothed_i) / (ln lr_{i+1} - ln lr_i).
//  minimum: the rate at the lowest smoothed loss (the first on ties), divided by 10.
LrSuggestions lrSuggestions(const std::vector<RangeTestPoint>& points, int iterations);

}  // namespace lrscope::core
