#pragma once

#include <string>
#include <vector>

#include "core/linalg.hpp"

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

// JSON file: {"format": "lrscope-weights", "version": 1, "layers": [{"weight": [[...]],
// "bias": [...]}, ...]}. Reading also accepts a bare array of layers. Errors name the file
// and the JSON path ("w.json: layers[1].weight[3]: expected 8 numbers, found 7").
NetworkWeights readWeightsFile(const std::string& path);
NetworkWeights weightsFromJsonText(const std::string& text, const std::string& source);
std::string weightsToJsonText(const NetworkWeights& weights);
void writeWeightsFile(const std::string& path, const NetworkWeights& weights);  // atomic

}  // namespace lrscope::core
