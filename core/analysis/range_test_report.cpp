#include "core/analysis/range_test_report.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/base/number_format.hpp"

namespace lrscope::core {

namespace {

std::string jsonNumber(const std::optional<double>& value) {
    return value ? formatNumber(*value) : "null";
}

}  // namespace

std::string rangeTestCsvHeader() {
    return "iteration,lr,loss,smoothed_loss";
}

std::string rangeTestCsvRow(const RangeTestPoint& point) {
    return std::to_string(point.iteration) + "," + formatNumber(point.lr) + "," +
           formatNumber(point.loss) + "," + formatNumber(point.smoothedLoss);
}

std::string rangeTestSummaryJson(const RangeTestResult& result, const LrSuggestions& suggestions) {
    std::string text = "{\"suggestions\": {\"valley\": " + jsonNumber(suggestions.valley) +
                       ", \"steep\": " + jsonNumber(suggestions.steep) +
                       ", \"minimum\": " + jsonNumber(suggestions.minimum) + "}";
    if (!suggestions.reason.empty()) {
        text += ", \"reason\": " + nlohmann::json(suggestions.reason).dump();
    }
    text += ", \"recorded\": " + std::to_string(result.points.size()) + ", \"stopped\": \"" +
            std::string(stopName(result.stop)) + "\"}\n";
    return text;
}

}  // namespace lrscope::core
