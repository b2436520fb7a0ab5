#pragma once

#include <optional>

#include "core/nn/network.hpp"
#include "core/training/epoch_record.hpp"

namespace lrscope::core {

// The per-epoch step statistics of an EpochRecord: the mean gradient norm over the epoch's
// batches, the update ratio over the epoch, and the effective step size on the epoch's
// last batch (measuring every batch would cost a division per parameter per batch).
class StepStatistics {
public:
    // At the start of an epoch, with the weights the epoch starts from.
    void beginEpoch(const Vector& weights);
    // After each batch's backward pass.
    void addGradient(const Vector& gradient) {
        gradNormSum_ += gradient.norm();
        ++batches_;
    }
    // Around the optimizer step of the epoch's last batch.
    void beforeLastStep(const Vector& weights, const Vector& gradient);
    void afterLastStep(const Vector& weights);

    // The weights the epoch started from (those of the last finite record).
    const Vector& epochStart() const { return epochStart_; }
    // Fills gradNorm, updateRatio and stepSize for an epoch that ended at `weights`.
    void fill(EpochRecord& record, const Vector& weights) const;

private:
    Vector epochStart_;
    double gradNormSum_ = 0.0;
    long batches_ = 0;
    Vector before_;
    Vector gradient_;
    std::optional<double> stepSize_;
};

}  // namespace lrscope::core
