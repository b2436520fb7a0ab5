#include "core/analysis/smoothing.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::core {

SeriesSmoother::SeriesSmoother(double weight) : weight_(weight) {
    if (!(weight >= 0.0 && weight < 1.0)) {
        throw InputError::setting("smoothing", formatNumber(weight) +
                                                   " is outside [0, 1); expected 0 (no "
                                                   "smoothing) up to, not including, 1");
    }
}

double SeriesSmoother::add(double value) {
    if (!started_) {
        started_ = true;
        first_ = value;
    }
    // NaN never equals the first value, so a NaN ends the constant run as in TensorBoard.
    constant_ = constant_ && value == first_;
    if (!std::isfinite(value)) {
        return value;
    }
    last_ = last_ * weight_ + (1.0 - weight_) * value;
    ++finiteCount_;
    if (constant_ || weight_ == 0.0) {
        return value;
    }
    return last_ / (1.0 - std::pow(weight_, static_cast<double>(finiteCount_)));
}

std::vector<double> SeriesSmoother::add(std::span<const double> values) {
    std::vector<double> shown;
    shown.reserve(values.size());
    for (const double value : values) {
        shown.push_back(add(value));
    }
    return shown;
}

std::vector<double> smoothSeries(std::span<const double> values, double weight) {
    return SeriesSmoother(weight).add(values);
}

}  // namespace lrscope::core
