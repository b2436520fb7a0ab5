#pragma once

#include <string_view>
#include <vector>

#include "core/nn/linalg.hpp"

namespace lrscope::core {

// mse: mean over batch and outputs of (y - t)^2 (PyTorch MSELoss, reduction "mean"); for
// classification the target is one-hot. cross_entropy: softmax + mean negative log
// likelihood over the batch (PyTorch CrossEntropyLoss on logits).
enum class LossKind { Mse, CrossEntropy };

std::string_view lossName(LossKind loss);
LossKind parseLoss(std::string_view name);

// Targets of a batch: class labels (classification) or a target matrix (regression,
// outputs x batch). Exactly one is used.
struct TargetsView {
    const int* labels = nullptr;     // classification: one label per column
    const Matrix* values = nullptr;  // regression
};

// Loss of the outputs (outputs x batch) against the targets, mean over the batch.
double computeLoss(LossKind loss, const Matrix& outputs, const TargetsView& targets);

// Same value as computeLoss, and writes d(loss)/d(outputs) into grad (resized).
double lossAndGradient(LossKind loss, const Matrix& outputs, const TargetsView& targets,
                       Matrix& grad);

// Number of columns whose arg-max (first maximum) differs from the label.
long countMisclassified(const Matrix& outputs, const int* labels);

}  // namespace lrscope::core
