#include "core/analysis/sweep_curve.hpp"

#include <algorithm>

#include "core/analysis/run_summary.hpp"

namespace lrscope::core {

std::string_view measureKey(SweepMeasure measure) {
    switch (measure) {
        case SweepMeasure::FinalTrainLoss:
            return "final-train-loss";
        case SweepMeasure::FinalTestLoss:
            return "final-test-loss";
        case SweepMeasure::BestTestLoss:
            return "best-test-loss";
        case SweepMeasure::FinalTestErrorPercent:
            return "final-error";
    }
    return {};
}

std::string_view measureTitle(SweepMeasure measure) {
    switch (measure) {
        case SweepMeasure::FinalTrainLoss:
            return "Final train loss";
        case SweepMeasure::FinalTestLoss:
            return "Final test loss";
        case SweepMeasure::BestTestLoss:
            return "Best test loss";
        case SweepMeasure::FinalTestErrorPercent:
            return "Final test error (%)";
    }
    return {};
}

std::optional<SweepMeasure> measureFromKey(std::string_view key) {
    for (const SweepMeasure measure : kSweepMeasures) {
        if (measureKey(measure) == key) {
            return measure;
        }
    }
    return std::nullopt;
}

std::optional<double> sweepValue(const std::vector<EpochRecord>& history, SweepMeasure measure) {
    if (history.empty()) {
        return std::nullopt;
    }
    switch (measure) {
        case SweepMeasure::FinalTrainLoss:
            return history.back().trainLoss;
        case SweepMeasure::FinalTestLoss:
            return history.back().testLoss;
        case SweepMeasure::BestTestLoss:
            return summarize(history).bestTestLoss;
        case SweepMeasure::FinalTestErrorPercent:
            if (const auto& error = history.back().testError) {
                return *error * 100.0;
            }
            return std::nullopt;
    }
    return std::nullopt;
}

std::vector<SweepCurve> sweepCurves(const std::vector<SweepPoint>& points) {
    std::vector<SweepCurve> curves;
    for (const SweepPoint& point : points) {
        auto it = std::find_if(curves.begin(), curves.end(),
                               [&](const SweepCurve& c) { return c.group == point.group; });
        if (it == curves.end()) {
            curves.push_back(SweepCurve{point.group, {}, std::nullopt});
            it = std::prev(curves.end());
        }
        it->points.push_back(point);
    }
    for (SweepCurve& curve : curves) {
        std::stable_sort(curve.points.begin(), curve.points.end(),
                         [](const SweepPoint& a, const SweepPoint& b) { return a.lr < b.lr; });
        for (std::size_t i = 0; i < curve.points.size(); ++i) {
            const SweepPoint& p = curve.points[i];
            if (p.divergedAt || !p.value) {
                continue;
            }
            if (!curve.best || *p.value < *curve.points[*curve.best].value) {
                curve.best = i;
            }
        }
    }
    return curves;
}

}  // namespace lrscope::core
