#include "core/analysis/sweep_summary_json.hpp"

#include <nlohmann/json.hpp>

#include "core/base/number_format.hpp"

namespace lrscope::core {

namespace {

std::string numberOrNull(const std::optional<double>& value) {
    return value ? formatNumber(*value) : "null";
}

}  // namespace

std::string sweepSummaryJsonText(const std::vector<SweepSummaryEntry>& entries) {
    std::string out = "[";
    for (size_t i = 0; i < entries.size(); ++i) {
        const SweepSummaryEntry& e = entries[i];
        out += i == 0 ? "\n  " : ",\n  ";
        out += "{\"optimizer\": " + nlohmann::json(e.optimizer).dump() +
               ", \"lr\": " + formatNumber(e.lr) +
               ", \"final_train_loss\": " + numberOrNull(e.summary.finalTrainLoss) +
               ", \"final_test_loss\": " + numberOrNull(e.summary.finalTestLoss) +
               ", \"best_test_loss\": " + numberOrNull(e.summary.bestTestLoss) +
               ", \"status\": \"" + std::string(finishedStatusName(e.status)) +
               "\", \"diverged_at\": " +
               (e.divergedAt ? std::to_string(*e.divergedAt) : std::string("null")) + "}";
    }
    out += entries.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace lrscope::core
