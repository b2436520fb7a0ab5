#include "core/analysis/input_prediction.hpp"

#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {

Predictions predictInput(const NetworkWeights& weights, Activation hidden, LossKind loss,
                         const Vector& input, const Vector& mean, const Vector& scale) {
    const Network network = networkFromWeights(weights, hidden);
    const Eigen::Index inputs = network.inputSize();
    if (input.size() != inputs) {
        throw InputError("the network takes " + std::to_string(inputs) + " inputs; " +
                         std::to_string(input.size()) + " were given");
    }
    for (Eigen::Index i = 0; i < inputs; ++i) {
        if (!std::isfinite(input(i))) {
            throw InputError("input " + std::to_string(i + 1) + " is not a finite number");
        }
    }
    const bool standardise = mean.size() != 0 || scale.size() != 0;
    if (standardise && (mean.size() != inputs || scale.size() != inputs)) {
        throw InputError("the standardisation has " + std::to_string(mean.size()) + " means and " +
                         std::to_string(scale.size()) + " scales; expected " +
                         std::to_string(inputs) + " of each");
    }
    Matrix column(inputs, 1);
    column.col(0) = standardise ? Vector((input - mean).array() / scale.array()) : input;
    return predict(network, loss, column);
}

}  // namespace lrscope::core
