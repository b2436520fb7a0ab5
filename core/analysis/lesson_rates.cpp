#include "core/analysis/lesson_rates.hpp"

#include <algorithm>

#include "core/optim/optimizer.hpp"

namespace lrscope::core {

std::optional<LessonRates> lessonRates(const RangeTestResult& result,
                                       const LrSuggestions& suggestions,
                                       const RangeTestSettings& settings, std::string* reason) {
    if (!suggestions.valley) {
        if (reason != nullptr) {
            *reason = suggestions.reason;
        }
        return std::nullopt;
    }
    LessonRates rates;
    rates.justRight = *suggestions.valley;
    rates.tooLow = rates.justRight / kLessonLowFactor;
    const bool stoppedEarly =
        result.stop == RangeTestStop::Diverged || result.stop == RangeTestStop::NonFinite;
    if (stoppedEarly && !result.points.empty()) {
        rates.tooHigh = rangeTestRate(settings, result.points.back().iteration + 1);
    } else {
        rates.tooHigh = settings.endLr;
    }
    rates.tooHigh = std::min(std::max(rates.tooHigh, 10.0 * rates.justRight), kMaxLearningRate);
    return rates;
}

}  // namespace lrscope::core
