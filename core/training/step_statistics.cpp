#include "core/training/step_statistics.hpp"

#include <cmath>

namespace lrscope::core {

namespace {

// Mean over parameters with a non-zero gradient of |step| / |gradient|.
std::optional<double> effectiveStepSize(const Vector& before, const Vector& after,
                                        const Vector& gradient) {
    double sum = 0.0;
    long count = 0;
    for (Eigen::Index i = 0; i < gradient.size(); ++i) {
        const double g = std::abs(gradient[i]);
        if (g > 0.0) {
            sum += std::abs(after[i] - before[i]) / g;
            ++count;
        }
    }
    if (count == 0) {
        return std::nullopt;
    }
    return sum / static_cast<double>(count);
}

}  // namespace

void StepStatistics::beginEpoch(const Vector& weights) {
    epochStart_ = weights;
    gradNormSum_ = 0.0;
    batches_ = 0;
    stepSize_.reset();
}

void StepStatistics::beforeLastStep(const Vector& weights, const Vector& gradient) {
    before_ = weights;
    gradient_ = gradient;
}

void StepStatistics::afterLastStep(const Vector& weights) {
    stepSize_ = effectiveStepSize(before_, weights, gradient_);
}

void StepStatistics::fill(EpochRecord& record, const Vector& weights) const {
    record.gradNorm = gradNormSum_ / static_cast<double>(batches_);
    const double startNorm = epochStart_.norm();
    if (startNorm > 0.0) {
        record.updateRatio = (weights - epochStart_).norm() / startNorm;
    }
    record.stepSize = stepSize_;
}

}  // namespace lrscope::core
