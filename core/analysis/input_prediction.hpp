#pragma once

#include "core/analysis/prediction.hpp"

namespace lrscope::core {

// The network's answer for one input given in the data's own units, as the window's "test
// with input" shows it: standardised with z = (x - mean) / scale when mean and scale are
// given (the run's training-split statistics, as training applied them), else used as
// given; then one forward pass (predict(), so cross-entropy adds the softmax and the class).
// Throws InputError when the input, mean or scale do not match the network's inputs or an
// input is not finite.
Predictions predictInput(const NetworkWeights& weights, Activation hidden, LossKind loss,
                         const Vector& input, const Vector& mean, const Vector& scale);

}  // namespace lrscope::core
