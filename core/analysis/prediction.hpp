#pragma once

#include <vector>

#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_weights.hpp"

namespace lrscope::core {

// The network these weights describe: layer sizes from their shapes, `hidden` between them.
Network networkFromWeights(const NetworkWeights& weights, Activation hidden);

// Softmax of each column, exp(z - max) / sum, as torch.softmax computes it on logits.
Matrix softmaxColumns(const Matrix& logits);

struct Predictions {
    Matrix outputs;              // [outputs x samples]: the network's raw outputs
    Matrix probabilities;        // cross-entropy only: softmax of each column
    std::vector<int> predicted;  // cross-entropy only: arg-max class (first maximum)
};

// One batched forward pass; inputs are [inputs x samples], prepared as the network expects.
Predictions predict(const Network& network, LossKind loss, const Matrix& inputs);

}  // namespace lrscope::core
