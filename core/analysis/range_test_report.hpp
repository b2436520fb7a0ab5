#pragma once

#include <string>

#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"

namespace lrscope::core {

// The range test's files: one CSV row per recorded iteration, numbers in shortest
// round-trip form, and a JSON summary of the suggestions.
std::string rangeTestCsvHeader();  // "iteration,lr,loss,smoothed_loss"
std::string rangeTestCsvRow(const RangeTestPoint& point);

// {"suggestions": {"valley": x, "steep": y, "minimum": z}, "recorded": n, "stopped": "..."};
// without suggestions they are null and a "reason" follows them.
std::string rangeTestSummaryJson(const RangeTestResult& result, const LrSuggestions& suggestions);

}  // namespace lrscope::core
