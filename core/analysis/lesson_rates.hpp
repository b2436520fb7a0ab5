#pragma once

#include <optional>
#include <string>

#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"

namespace lrscope::core {

// The three rates of the one-click lesson, picked from a range test so that the story shows
// on the user's own settings: too low (slow descent), just right, too high (blows up).
struct LessonRates {
    double tooLow = 0.0;     // the valley suggestion / 30
    double justRight = 0.0;  // the valley suggestion
    double tooHigh = 0.0;    // just past where the test diverged, or its end rate
};

inline constexpr double kLessonLowFactor = 30.0;

// tooHigh is the rate the test would have used at the iteration after its last recorded one
// when it stopped early (diverged or non-finite), else its end rate; it is raised to at least
// 10x the valley so the three curves stay apart, and capped at kMaxLearningRate. Empty, with
// `reason` set, when the test gave no valley suggestion.
std::optional<LessonRates> lessonRates(const RangeTestResult& result,
                                       const LrSuggestions& suggestions,
                                       const RangeTestSettings& settings, std::string* reason);

}  // namespace lrscope::core
