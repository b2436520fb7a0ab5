#include "core/nn/network_weights.hpp"

#include <string>

#include "core/base/errors.hpp"
#include "core/nn/network.hpp"

namespace lrscope::core {

namespace {

std::string shapeText(Eigen::Index rows, Eigen::Index cols) {
    return std::to_string(rows) + " x " + std::to_string(cols);
}

}  // namespace

NetworkWeights weightsOf(const Network& network) {
    NetworkWeights weights;
    for (int l = 0; l < network.layerCount(); ++l) {
        weights.layers.push_back({Matrix(network.weight(l)), Vector(network.bias(l))});
    }
    return weights;
}

void assignWeights(Network& network, const NetworkWeights& weights) {
    const int layers = network.layerCount();
    if (static_cast<int>(weights.layers.size()) != layers) {
        throw InputError("the weights have " + std::to_string(weights.layers.size()) +
                         " layers, the network has " + std::to_string(layers));
    }
    for (int l = 0; l < layers; ++l) {
        const auto& layer = weights.layers[static_cast<size_t>(l)];
        const auto out = static_cast<Eigen::Index>(network.sizes()[static_cast<size_t>(l) + 1]);
        const auto in = static_cast<Eigen::Index>(network.sizes()[static_cast<size_t>(l)]);
        const std::string name = "layer " + std::to_string(l + 1);
        if (layer.weight.rows() != out || layer.weight.cols() != in) {
            throw InputError(name + ": weight is " +
                             shapeText(layer.weight.rows(), layer.weight.cols()) +
                             ", the network expects " + shapeText(out, in));
        }
        if (layer.bias.size() != out) {
            throw InputError(name + ": bias has " + std::to_string(layer.bias.size()) +
                             " values, the network expects " + std::to_string(out));
        }
        if (!layer.weight.allFinite() || !layer.bias.allFinite()) {
            throw InputError(name + ": the weights hold NaN or infinite values");
        }
    }
    for (int l = 0; l < layers; ++l) {
        const auto& layer = weights.layers[static_cast<size_t>(l)];
        network.weight(l) = layer.weight;
        network.bias(l) = layer.bias;
    }
}

}  // namespace lrscope::core
