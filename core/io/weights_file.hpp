#pragma once

#include <string>

#include "core/nn/network_weights.hpp"

namespace lrscope::core {

// JSON file: {"format": "lrscope-weights", "version": 1, "layers": [{"weight": [[...]],
// "bias": [...]}, ...]}. Reading also accepts a bare array of layers. Errors name the file
// and the JSON path ("w.json: layers[1].weight[3]: expected 8 numbers, found 7").
NetworkWeights readWeightsFile(const std::string& path);
NetworkWeights weightsFromJsonText(const std::string& text, const std::string& source);
std::string weightsToJsonText(const NetworkWeights& weights);
void writeWeightsFile(const std::string& path, const NetworkWeights& weights);  // atomic

}  // namespace lrscope::core
