#include "core/training/run_start.hpp"

#include "core/base/errors.hpp"
#include "core/base/random.hpp"
#include "core/nn/initializer.hpp"
#include "core/nn/network_weights.hpp"

namespace lrscope::core {

void checkDataFitsConfig(const RunConfig& config, const DataSplit& data) {
    if (data.train.sampleCount() == 0) {
        throw InputError("the training split is empty; expected at least one training sample");
    }
    if (config.loss == LossKind::CrossEntropy && data.train.task != Task::Classify) {
        throw InputError::setting(
            "loss",
            "cross-entropy needs class labels, but the data is a regression task; expected mse "
            "(mean squared error)",
            "--loss: cross_entropy needs class labels, but the data is a regression task; "
            "expected --loss mse");
    }
}

Network initialNetwork(const RunConfig& config, const Dataset& trainSet) {
    Network network(layerSizes(config, trainSet.featureCount(), trainSet.outputCount()),
                    config.activation);
    if (config.initialWeights) {
        assignWeights(network, *config.initialWeights);
    } else {
        Rng initRng(config.seed);
        initializeNetwork(network, config.init, initRng);
    }
    return network;
}

}  // namespace lrscope::core
