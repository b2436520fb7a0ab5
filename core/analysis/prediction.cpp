#include "core/analysis/prediction.hpp"

#include "core/base/errors.hpp"

namespace lrscope::core {

Network networkFromWeights(const NetworkWeights& weights, Activation hidden) {
    if (weights.layers.empty()) {
        throw InputError("the weights have no layers; expected at least one");
    }
    std::vector<int> sizes = {static_cast<int>(weights.layers.front().weight.cols())};
    for (const auto& layer : weights.layers) {
        sizes.push_back(static_cast<int>(layer.weight.rows()));
    }
    Network network(std::move(sizes), hidden);
    assignWeights(network, weights);
    return network;
}

Matrix softmaxColumns(const Matrix& logits) {
    Matrix probabilities(logits.rows(), logits.cols());
    for (Eigen::Index j = 0; j < logits.cols(); ++j) {
        const double top = logits.col(j).maxCoeff();
        probabilities.col(j) = (logits.col(j).array() - top).exp().matrix();
        probabilities.col(j) /= probabilities.col(j).sum();
    }
    return probabilities;
}

Predictions predict(const Network& network, LossKind loss, const Matrix& inputs) {
    Predictions result;
    result.outputs = network.predict(inputs);
    if (loss == LossKind::CrossEntropy) {
        result.probabilities = softmaxColumns(result.outputs);
        result.predicted.resize(static_cast<size_t>(result.outputs.cols()));
        for (Eigen::Index j = 0; j < result.outputs.cols(); ++j) {
            Eigen::Index best = 0;
            result.outputs.col(j).maxCoeff(&best);
            result.predicted[static_cast<size_t>(j)] = static_cast<int>(best);
        }
    }
    return result;
}

}  // namespace lrscope::core
