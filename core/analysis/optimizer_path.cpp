#include "core/analysis/optimizer_path.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::core {

OptimizerPath optimizerPath(TestFunctionKind function, const OptimizerSettings& settings,
                            const LrSchedule& schedule, PlanePoint start, int steps) {
    const double startValue = testFunctionValue(function, start);
    if (!std::isfinite(start.x) || !std::isfinite(start.y) || !std::isfinite(startValue)) {
        throw InputError::setting("start", formatNumber(start.x) + "," + formatNumber(start.y) +
                                               " gives " + std::string(testFunctionName(function)) +
                                               " = " + formatNumber(startValue) +
                                               "; expected a point where it is finite");
    }
    OptimizerPath path;
    path.points.reserve(static_cast<size_t>(std::max(steps, 0)) + 1);
    path.points.push_back({start.x, start.y, startValue});

    const auto rule = makeUpdateRule(settings, 2);
    Vector params(2);
    params << start.x, start.y;
    Vector grad(2);
    for (int step = 1; step <= steps; ++step) {
        const PlanePoint g = testFunctionGradient(function, {params[0], params[1]});
        grad << g.x, g.y;
        rule->step(params, grad, learningRateAt(schedule, settings.lr, step));
        const PlanePoint p{params[0], params[1]};
        const double value = testFunctionValue(function, p);
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(value)) {
            path.divergedAt = step;
            break;
        }
        path.points.push_back({p.x, p.y, value});
    }
    return path;
}

}  // namespace lrscope::core
