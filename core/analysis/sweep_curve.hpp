#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/training/epoch_record.hpp"

namespace lrscope::core {

// What the sweep's U-curve puts on its y axis: one number per run, read from its history.
enum class SweepMeasure {
    FinalTrainLoss,
    FinalTestLoss,
    BestTestLoss,
    FinalTestErrorPercent,
};

inline constexpr SweepMeasure kSweepMeasures[] = {
    SweepMeasure::FinalTrainLoss, SweepMeasure::FinalTestLoss, SweepMeasure::BestTestLoss,
    SweepMeasure::FinalTestErrorPercent};

// The name `plot --sweep-y` takes ("final-train-loss", "final-test-loss", "best-test-loss",
// "final-error") and the axis title ("Final train loss", ...).
std::string_view measureKey(SweepMeasure measure);
std::string_view measureTitle(SweepMeasure measure);
std::optional<SweepMeasure> measureFromKey(std::string_view key);

// The measure over the recorded (finite) epochs, as core::summarize reads them; empty for an
// empty history or a value the run does not have (no test split, no class labels).
std::optional<double> sweepValue(const std::vector<EpochRecord>& history, SweepMeasure measure);

// One run of a sweep as the U-curve sees it.
struct SweepPoint {
    std::size_t run = 0;  // the caller's index or id of the run
    std::string group;    // runs of one group form one curve (e.g. "sgd", "adam")
    double lr = 0.0;      // the run's base rate
    std::optional<double> value;
    std::optional<int> divergedAt;
};

// One curve: the group's points in increasing rate (ties keep their order) and the point with
// the lowest value among the runs that did not diverge (the first on ties), if any.
struct SweepCurve {
    std::string group;
    std::vector<SweepPoint> points;
    std::optional<std::size_t> best;  // index into points
};

// The curves in order of each group's first appearance.
std::vector<SweepCurve> sweepCurves(const std::vector<SweepPoint>& points);

}  // namespace lrscope::core
