#pragma once

#include <optional>
#include <vector>

#include <QColor>
#include <QString>

#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

// One range test as the range test view and `lrscope-cli plot --lr-find` draw it.
struct RangeTestCurve {
    QString label;  // the settings it ran with, see rangeTestLabel()
    QColor colour;
    core::RangeTestSettings settings;
    std::vector<core::RangeTestPoint> points;
    bool finished = false;
    core::RangeTestStop stop = core::RangeTestStop::Completed;
    core::LrSuggestions suggestions;  // read once finished
};

// "Adam · moons · 8,8 tanh · cross-entropy · batch 10 · seed 1", with the optimizer's settings
// that differ from torch.optim's defaults ("SGD momentum=0.9 · ...").
QString rangeTestLabel(const core::RunConfig& config);
// "1e-7 → 10 over 100 batches, smoothing 0.98, stop at 4x the minimum".
QString rangeTestSettingsText(const core::RangeTestSettings& settings);
// Why the test ended, as a user reads it: "stopped at 4x its lowest loss (diverged)", ...
QString rangeTestStopText(const RangeTestCurve& curve);

}  // namespace lrscope::ui
