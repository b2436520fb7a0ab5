#pragma once

#include <string>
#include <vector>

#include "core/nn/linalg.hpp"

namespace lrscope::core {

class Network;

// Weights of a network as PyTorch's nn.Linear stores them: per layer weight [out][in] and
// bias [out].
struct LayerWeights {
    Matrix weight;  // [out x in]
    Vector bias;    // [out]
};

struct NetworkWeights {
    std::vector<LayerWeights> layers;
};

NetworkWeights weightsOf(const Network& network);

// Throws InputError when the shapes do not match the network ("layer 2: weight is 8 x 4,
// the network expects 8 x 8").
void assignWeights(Network& network, const NetworkWeights& weights);

}  // namespace lrscope::core
