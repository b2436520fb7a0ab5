#include "core/analysis/run_summary.hpp"

#include <algorithm>

namespace lrscope::core {

namespace {

std::optional<double> lower(const std::optional<double>& best, const std::optional<double>& x) {
    if (!x) {
        return best;
    }
    return best ? std::min(*best, *x) : *x;
}

}  // namespace

RunSummary summarize(const std::vector<EpochRecord>& history) {
    RunSummary summary;
    if (history.empty()) {
        return summary;
    }
    summary.finalTrainLoss = history.back().trainLoss;
    summary.finalTestLoss = history.back().testLoss;
    for (const EpochRecord& record : history) {
        summary.bestTrainLoss = lower(summary.bestTrainLoss, record.trainLoss);
        summary.bestTestLoss = lower(summary.bestTestLoss, record.testLoss);
    }
    return summary;
}

}  // namespace lrscope::core
