#pragma once

#include <optional>
#include <vector>

#include "core/analysis/plane_range.hpp"
#include "core/analysis/test_function.hpp"
#include "core/optim/lr_schedule.hpp"
#include "core/optim/optimizer.hpp"

namespace lrscope::core {

struct PathPoint {
    double x = 0.0;
    double y = 0.0;
    double value = 0.0;  // the function at (x, y)
};

struct OptimizerPath {
    std::vector<PathPoint> points;  // points[k] after k steps; points[0] is the start
    std::optional<int> divergedAt;  // the step whose point or value was not finite
};

// The path of one optimizer on a test function, with the real update rules (makeUpdateRule)
// applied to the 2-vector (x, y) as torch.optim steps a 2-element tensor: step k takes the
// gradient at points[k - 1] at the rate learningRateAt(schedule, settings.lr, k), so a
// schedule moves per step. A point or value that is not finite ends the path (it is not
// kept). Throws InputError ("--start: ...") when the start or its value is not finite; the
// settings must be valid (validate()).
OptimizerPath optimizerPath(TestFunctionKind function, const OptimizerSettings& settings,
                            const LrSchedule& schedule, PlanePoint start, int steps);

}  // namespace lrscope::core
