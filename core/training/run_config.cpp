#include "core/training/run_config.hpp"

#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {

void validate(const RunConfig& config) {
    validate(config.data);
    if (config.hiddenLayers.size() > static_cast<size_t>(kMaxHiddenLayers)) {
        throw InputError::setting("layers", std::to_string(config.hiddenLayers.size()) +
                                                " hidden layers; expected at most " +
                                                std::to_string(kMaxHiddenLayers));
    }
    for (size_t i = 0; i < config.hiddenLayers.size(); ++i) {
        const int width = config.hiddenLayers[i];
        if (width < 1 || width > kMaxLayerWidth) {
            throw InputError::setting("layers", "hidden layer " + std::to_string(i + 1) +
                                                    " has width " + std::to_string(width) +
                                                    "; expected 1 to " +
                                                    std::to_string(kMaxLayerWidth));
        }
    }
    if (config.init.scheme == InitScheme::Uniform &&
        !(std::isfinite(config.init.low) && std::isfinite(config.init.high) &&
          config.init.low <= config.init.high)) {
        throw InputError::setting("init", "uniform range must be two finite numbers A <= B");
    }
    if (config.init.fixedBias && !std::isfinite(config.init.biasValue)) {
        throw InputError::setting("bias-init", "expected a finite number");
    }
    validate(config.optimizer);
    validate(config.schedule);
    if (config.batchSize < 0) {
        throw InputError::setting("batch-size",
                                  std::to_string(config.batchSize) +
                                      " is negative; expected 0 (full batch) or a positive size");
    }
    if (config.epochs < 1 || config.epochs > kMaxEpochs) {
        throw InputError::setting("epochs", std::to_string(config.epochs) +
                                                " is out of range; expected 1 to " +
                                                std::to_string(kMaxEpochs));
    }
    if (config.loss == LossKind::CrossEntropy && config.data.csvPath.empty() &&
        config.data.dataset == "sine") {
        throw InputError::setting(
            "loss",
            "cross-entropy needs class labels, but 'sine' is a regression data set; expected "
            "mse (mean squared error)",
            "--loss: cross_entropy needs class labels, but 'sine' is a regression data set; "
            "expected --loss mse");
    }
    if (config.loss == LossKind::CrossEntropy && !config.data.csvPath.empty() &&
        config.data.task == Task::Regress) {
        throw InputError::setting(
            "loss",
            "cross-entropy needs class labels, but the task is regression; expected mse (mean "
            "squared error)",
            "--loss: cross_entropy needs class labels, but --task is regress; expected --loss "
            "mse");
    }
}

std::vector<int> layerSizes(const RunConfig& config, int inputs, int outputs) {
    std::vector<int> sizes;
    sizes.reserve(config.hiddenLayers.size() + 2);
    sizes.push_back(inputs);
    sizes.insert(sizes.end(), config.hiddenLayers.begin(), config.hiddenLayers.end());
    sizes.push_back(outputs);
    return sizes;
}

}  // namespace lrscope::core
