#include "core/nn/network.hpp"

#include <cassert>
#include <stdexcept>
#include <utility>

namespace lrscope::core {

Network::Network(std::vector<int> sizes, Activation hidden)
    : sizes_(std::move(sizes)), hidden_(hidden) {
    if (sizes_.size() < 2) {
        throw std::invalid_argument("a network needs an input and an output size");
    }
    Eigen::Index offset = 0;
    for (int l = 0; l < layerCount(); ++l) {
        const auto in = sizes_[static_cast<size_t>(l)];
        const auto out = sizes_[static_cast<size_t>(l) + 1];
        if (in <= 0 || out <= 0) {
            throw std::invalid_argument("layer sizes must be positive");
        }
        offsets_.push_back(offset);
        offset += static_cast<Eigen::Index>(out) * (in + 1);
    }
    parameters_ = Vector::Zero(offset);
}

MatrixMap Network::weight(int layer) {
    const auto l = static_cast<size_t>(layer);
    return {parameters_.data() + offsets_[l], sizes_[l + 1], sizes_[l]};
}

ConstMatrixMap Network::weight(int layer) const {
    const auto l = static_cast<size_t>(layer);
    return {parameters_.data() + offsets_[l], sizes_[l + 1], sizes_[l]};
}

VectorMap Network::bias(int layer) {
    const auto l = static_cast<size_t>(layer);
    return {parameters_.data() + offsets_[l] + Eigen::Index{sizes_[l + 1]} * sizes_[l],
            sizes_[l + 1]};
}

ConstVectorMap Network::bias(int layer) const {
    const auto l = static_cast<size_t>(layer);
    return {parameters_.data() + offsets_[l] + Eigen::Index{sizes_[l + 1]} * sizes_[l],
            sizes_[l + 1]};
}

const Matrix& Network::forward(const Eigen::Ref<const Matrix>& input, ForwardCache& cache) const {
    assert(input.rows() == inputSize());
    const auto layers = static_cast<size_t>(layerCount());
    cache.outputs.resize(layers);
    for (size_t l = 0; l < layers; ++l) {
        const int layer = static_cast<int>(l);
        Matrix& z = cache.outputs[l];
        z.resize(sizes_[l + 1], input.cols());
        if (l == 0) {
            multiplyAddBias(weight(layer), input, bias(layer), z);
        } else {
            multiplyAddBias(weight(layer), cache.outputs[l - 1], bias(layer), z);
        }
        if (l + 1 < layers) {
            applyActivation(hidden_, z);
        }
    }
    return cache.outputs.back();
}

void Network::backward(const Eigen::Ref<const Matrix>& input, ForwardCache& cache,
                       const Matrix& outputGradient, Vector& gradient) const {
    const auto layers = static_cast<size_t>(layerCount());
    assert(cache.outputs.size() == layers);
    gradient.resize(parameterCount());
    cache.deltas.resize(layers);
    cache.deltas[layers - 1] = outputGradient;
    for (size_t l = layers; l-- > 0;) {
        const int layer = static_cast<int>(l);
        const Matrix& delta = cache.deltas[l];
        const Eigen::Index in = sizes_[l];
        const Eigen::Index out = sizes_[l + 1];
        MatrixMap weightGrad(gradient.data() + offsets_[l], out, in);
        VectorMap biasGrad(gradient.data() + offsets_[l] + out * in, out);
        if (l == 0) {
            multiply(delta, Transpose::No, input, Transpose::Yes, weightGrad);
        } else {
            multiply(delta, Transpose::No, cache.outputs[l - 1], Transpose::Yes, weightGrad);
        }
        biasGrad = delta.rowwise().sum();
        if (l > 0) {
            Matrix& previous = cache.deltas[l - 1];
            previous.resize(in, delta.cols());
            multiply(weight(layer), Transpose::Yes, delta, Transpose::No, previous);
            multiplyByDerivative(hidden_, cache.outputs[l - 1], previous);
        }
    }
}

Matrix Network::predict(const Eigen::Ref<const Matrix>& input) const {
    ForwardCache cache;
    return forward(input, cache);
}

}  // namespace lrscope::core
