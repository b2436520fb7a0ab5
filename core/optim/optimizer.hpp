#pragma once

#include <memory>
#include <string_view>

#include "core/nn/linalg.hpp"
#include "core/optim/optimizer_state.hpp"

namespace lrscope::core {

// Upper bound of any learning rate (the GUI slider reaches 10; beyond 100 nothing trains).
inline constexpr double kMaxLearningRate = 100.0;

enum class OptimizerKind { Sgd, Momentum, Nesterov, Adagrad, Adadelta, RmsProp, Adam, AdamW };

inline constexpr OptimizerKind kAllOptimizers[] = {OptimizerKind::Sgd,      OptimizerKind::Momentum,
                                                   OptimizerKind::Nesterov, OptimizerKind::Adagrad,
                                                   OptimizerKind::Adadelta, OptimizerKind::RmsProp,
                                                   OptimizerKind::Adam,     OptimizerKind::AdamW};

// Hyper-parameters only (no state), so a config copies freely between runs. Which optimizer
// uses which field is core/optim/optimizer_setting.hpp's table (as torch.optim's arguments);
// defaultsFor() returns torch.optim's defaults, except that Momentum/Nesterov (SGD with
// momentum) default to momentum 0.9 and SGD's rate, which torch does not fix, is lrscope's.
struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Sgd;
    double lr = 0.01;
    double weightDecay = 0.0;  // L2 added to the gradient; AdamW: decoupled decay
    double momentum = 0.0;
    double dampening = 0.0;
    double rho = 0.9;
    double alpha = 0.99;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double lrDecay = 0.0;
    double initialAccumulator = 0.0;
    bool centered = false;
    bool amsgrad = false;
};

OptimizerSettings defaultsFor(OptimizerKind kind);

std::string_view optimizerName(OptimizerKind kind);         // "sgd", "momentum", ..., "adamw"
std::string_view optimizerDisplayName(OptimizerKind kind);  // "SGD", "Momentum", ..., "AdamW"
OptimizerKind parseOptimizer(std::string_view name);        // throws InputError

// Throws InputError ("--beta1: 1.5 is out of range; expected 0 <= beta1 < 1") for settings
// that PyTorch would reject or that cannot train. Every field is checked, whichever optimizer
// is chosen, so a bad value cannot wait unnoticed until the optimizer changes.
void validate(const OptimizerSettings& settings);

// An update rule with its per-parameter state (velocity, moments, accumulators), created
// when a run starts. State is indexed by parameter position, never by address.
class UpdateRule {
public:
    virtual ~UpdateRule() = default;
    // One optimizer step: params -= update(grad) at learning rate lr. grad is the gradient of
    // the batch mean loss; it may be used as scratch space.
    virtual void step(Vector& params, Vector& grad, double lr) = 0;
    // The state accumulated so far, and the same handed back to a rule of the same settings
    // (throws InputError when a buffer is missing or of the wrong size): a run continued
    // from it steps exactly as if it had never stopped.
    virtual OptimizerState state() const = 0;
    virtual void restore(const OptimizerState& state) = 0;
};

std::unique_ptr<UpdateRule> makeUpdateRule(const OptimizerSettings& settings,
                                           Eigen::Index parameterCount);

}  // namespace lrscope::core
