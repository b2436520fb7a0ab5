#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {

// The optional "model" block of a weights file: what the weights need besides themselves to
// be used as trained. Every key is optional; a file without the block (one written from
// PyTorch) means inputs are used as given.
//   "activation": "tanh"            the hidden layers' activation
//   "loss": "cross_entropy"         the loss it was trained with
//   "target": "species"             the label column's name in the training data
//   "classes": ["setosa", ...]      class i's name, one per output
//   "input_mean": [...], "input_std": [...]
//                                   standardisation z = (x - mean) / std, one per input;
//                                   both or neither
struct ModelBlock {
    std::optional<Activation> activation;
    std::optional<LossKind> loss;
    std::string target;  // empty: not known
    std::vector<std::string> classNames;
    Vector inputMean;  // empty: inputs used as given
    Vector inputStd;
};

struct WeightsFileContents {
    NetworkWeights weights;
    std::optional<ModelBlock> model;
};

// JSON file: {"format": "lrscope-weights", "version": 1, "model": {...}, "layers":
// [{"weight": [[...]], "bias": [...]}, ...]}. Reading also accepts a bare array of layers.
// Errors name the file and the JSON path ("w.json: layers[1].weight[3]: expected 8 numbers,
// found 7"; "w.json: model.input_std[2]: expected a number > 0, found 0").
WeightsFileContents readWeightsFileContents(const std::string& path);
WeightsFileContents weightsFileFromJsonText(const std::string& text, const std::string& source);
std::string weightsFileToJsonText(const WeightsFileContents& contents);
void writeWeightsFile(const std::string& path, const WeightsFileContents& contents);  // atomic

// The same for the weights alone (a model block is still checked when reading).
NetworkWeights readWeightsFile(const std::string& path);
NetworkWeights weightsFromJsonText(const std::string& text, const std::string& source);
std::string weightsToJsonText(const NetworkWeights& weights);
void writeWeightsFile(const std::string& path, const NetworkWeights& weights);  // atomic

// The model block of a run trained with `config` on `data`: its activation and loss, the
// target column and class names, and the standardisation of the training split.
ModelBlock modelBlockOf(const RunConfig& config, const DataSplit& data);

}  // namespace lrscope::core
