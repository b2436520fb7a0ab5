#include "ui/panels/window_defaults.hpp"

#include <algorithm>

#include "core/training/run_pool.hpp"

namespace lrscope::ui {

core::RunConfig windowDefaults() {
    core::RunConfig config;
    config.data.dataset = "moons";
    config.data.task = core::Task::Classify;
    config.hiddenLayers = {8, 8};
    config.activation = core::Activation::Tanh;
    config.loss = core::LossKind::CrossEntropy;
    config.optimizer = core::defaultsFor(core::OptimizerKind::Sgd);
    config.optimizer.lr = 0.1;
    config.batchSize = 10;
    config.epochs = 150;
    return config;
}

unsigned windowConcurrentRuns() {
    return std::max(4u, core::RunPool::defaultThreadCount());
}

}  // namespace lrscope::ui
