#pragma once

#include <vector>

#include "core/nn/activation.hpp"
#include "core/nn/linalg.hpp"

namespace lrscope::core {

// Activations of one forward pass, kept for backprop and reused between batches so the
// hot loop does not allocate.
struct ForwardCache {
    std::vector<Matrix> outputs;  // outputs[l] = output of layer l (after its activation)
    std::vector<Matrix> deltas;   // backprop scratch, one per layer
};

// A stack of dense layers. The hidden layers share one activation; the output layer is
// linear. All parameters live in one flat vector (per layer: weight [out x in] in
// column-major order, then bias [out]) so update rules see one array keyed by index.
class Network {
public:
    // sizes = {inputs, hidden..., outputs}; at least two entries, all positive.
    Network(std::vector<int> sizes, Activation hidden);

    const std::vector<int>& sizes() const { return sizes_; }
    int layerCount() const { return static_cast<int>(sizes_.size()) - 1; }
    int inputSize() const { return sizes_.front(); }
    int outputSize() const { return sizes_.back(); }
    Activation hiddenActivation() const { return hidden_; }

    Eigen::Index parameterCount() const { return parameters_.size(); }
    Vector& parameters() { return parameters_; }
    const Vector& parameters() const { return parameters_; }

    // Views into parameters(): weight(l) is [out x in] like PyTorch's nn.Linear.weight.
    MatrixMap weight(int layer);
    ConstMatrixMap weight(int layer) const;
    VectorMap bias(int layer);
    ConstVectorMap bias(int layer) const;

    // input: [inputs x batch]. Returns the output layer's values [outputs x batch].
    const Matrix& forward(const Eigen::Ref<const Matrix>& input, ForwardCache& cache) const;

    // After forward() on the same cache: d(loss)/d(parameters) into gradient (resized to
    // parameterCount()), given d(loss)/d(outputs).
    void backward(const Eigen::Ref<const Matrix>& input, ForwardCache& cache,
                  const Matrix& outputGradient, Vector& gradient) const;

    // Forward without keeping a cache the caller cares about.
    Matrix predict(const Eigen::Ref<const Matrix>& input) const;

private:
    Eigen::Index weightOffset(int layer) const { return offsets_[static_cast<size_t>(layer)]; }

    std::vector<int> sizes_;
    Activation hidden_;
    std::vector<Eigen::Index> offsets_;  // start of each layer's block in parameters_
    Vector parameters_;
};

}  // namespace lrscope::core
