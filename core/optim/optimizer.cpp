#include "core/optim/optimizer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/text.hpp"
#include "core/optim/adadelta.hpp"
#include "core/optim/adagrad.hpp"
#include "core/optim/adam.hpp"
#include "core/optim/rmsprop.hpp"
#include "core/optim/sgd.hpp"

namespace lrscope::core {

namespace {

struct OptimizerNames {
    OptimizerKind kind;
    std::string_view name;
    std::string_view display;
};

constexpr std::array<OptimizerNames, 8> kNames = {{
    {OptimizerKind::Sgd, "sgd", "SGD"},
    {OptimizerKind::Momentum, "momentum", "Momentum"},
    {OptimizerKind::Nesterov, "nesterov", "Nesterov"},
    {OptimizerKind::Adagrad, "adagrad", "Adagrad"},
    {OptimizerKind::Adadelta, "adadelta", "Adadelta"},
    {OptimizerKind::RmsProp, "rmsprop", "RMSprop"},
    {OptimizerKind::Adam, "adam", "Adam"},
    {OptimizerKind::AdamW, "adamw", "AdamW"},
}};

const OptimizerNames& namesOf(OptimizerKind kind) {
    for (const auto& entry : kNames) {
        if (entry.kind == kind) {
            return entry;
        }
    }
    return kNames[0];  // unreachable for a valid enumerator
}

[[noreturn]] void outOfRange(std::string_view flag, double value, std::string_view range) {
    throw InputError::setting(
        std::string(flag),
        formatNumber(value) + " is out of range; expected " + std::string(range));
}

// Each check rejects NaN too: every comparison with NaN is false.
void requireAtLeastZero(std::string_view flag, double value, std::string_view range) {
    if (!(std::isfinite(value) && value >= 0.0)) {
        outOfRange(flag, value, range);
    }
}

void requireUnitClosed(std::string_view flag, double value, std::string_view range) {
    if (!(value >= 0.0 && value <= 1.0)) {
        outOfRange(flag, value, range);
    }
}

void requireUnitHalfOpen(std::string_view flag, double value, std::string_view range) {
    if (!(value >= 0.0 && value < 1.0)) {
        outOfRange(flag, value, range);
    }
}

}  // namespace

OptimizerSettings defaultsFor(OptimizerKind kind) {
    OptimizerSettings s;
    s.kind = kind;
    switch (kind) {
        case OptimizerKind::Sgd:
            s.lr = 0.01;  // torch.optim.SGD has no default learning rate
            s.momentum = 0.0;
            break;
        case OptimizerKind::Momentum:
        case OptimizerKind::Nesterov:
            s.lr = 0.01;
            s.momentum = 0.9;
            break;
        case OptimizerKind::Adagrad:
            s.lr = 0.01;
            s.lrDecay = 0.0;
            s.initialAccumulator = 0.0;
            s.eps = 1e-10;
            break;
        case OptimizerKind::Adadelta:
            s.lr = 1.0;
            s.rho = 0.9;
            s.eps = 1e-6;
            break;
        case OptimizerKind::RmsProp:
            s.lr = 0.01;
            s.alpha = 0.99;
            s.eps = 1e-8;
            s.momentum = 0.0;
            s.centered = false;
            break;
        case OptimizerKind::Adam:
            s.lr = 1e-3;
            s.beta1 = 0.9;
            s.beta2 = 0.999;
            s.eps = 1e-8;
            s.amsgrad = false;
            break;
        case OptimizerKind::AdamW:
            s.lr = 1e-3;
            s.beta1 = 0.9;
            s.beta2 = 0.999;
            s.eps = 1e-8;
            s.weightDecay = 1e-2;
            s.amsgrad = false;
            break;
    }
    return s;
}

std::string_view optimizerName(OptimizerKind kind) {
    return namesOf(kind).name;
}

std::string_view optimizerDisplayName(OptimizerKind kind) {
    return namesOf(kind).display;
}

OptimizerKind parseOptimizer(std::string_view name) {
    for (const auto& entry : kNames) {
        if (equalsIgnoringCase(name, entry.name)) {
            return entry.kind;
        }
    }
    throw InputError::setting("optimizer", "unknown optimizer " + quotedForMessage(name, 60) +
                                               "; expected sgd, momentum, nesterov, adagrad, "
                                               "adadelta, rmsprop, adam or adamw");
}

void validate(const OptimizerSettings& settings) {
    // Every field is checked whichever optimizer uses it, so no nonsense value can sit unused
    // in a config and surface later when the user switches optimizer.
    if (!(settings.lr > 0.0 && settings.lr <= kMaxLearningRate)) {
        outOfRange("lr", settings.lr, "0 < lr <= " + formatNumber(kMaxLearningRate));
    }
    requireUnitHalfOpen("momentum", settings.momentum, "0 <= momentum < 1");
    requireUnitClosed("dampening", settings.dampening, "0 <= dampening <= 1");
    requireAtLeastZero("weight-decay", settings.weightDecay, "weight_decay >= 0");
    requireUnitClosed("rho", settings.rho, "0 <= rho <= 1");
    requireUnitClosed("alpha", settings.alpha, "0 <= alpha <= 1");
    requireUnitHalfOpen("beta1", settings.beta1, "0 <= beta1 < 1");
    requireUnitHalfOpen("beta2", settings.beta2, "0 <= beta2 < 1");
    if (!(std::isfinite(settings.eps) && settings.eps > 0.0)) {
        outOfRange("eps", settings.eps, "eps > 0");
    }
    requireAtLeastZero("lr-decay", settings.lrDecay, "lr_decay >= 0");
    requireAtLeastZero("initial-accumulator", settings.initialAccumulator,
                       "initial_accumulator >= 0");
    if (settings.kind == OptimizerKind::Nesterov) {
        // torch.optim.SGD: "Nesterov momentum requires a momentum and zero dampening".
        if (!(settings.momentum > 0.0)) {
            throw InputError::setting(
                "momentum", formatNumber(settings.momentum) +
                                " is out of range for nesterov; expected 0 < momentum < 1");
        }
        if (settings.dampening != 0.0) {
            throw InputError::setting("dampening",
                                      formatNumber(settings.dampening) +
                                          " is not allowed with nesterov; expected dampening = 0");
        }
    }
}

std::unique_ptr<UpdateRule> makeUpdateRule(const OptimizerSettings& settings,
                                           Eigen::Index parameterCount) {
    switch (settings.kind) {
        case OptimizerKind::Sgd:
        case OptimizerKind::Momentum:
        case OptimizerKind::Nesterov:
            return std::make_unique<SgdRule>(settings, parameterCount);
        case OptimizerKind::Adagrad:
            return std::make_unique<AdagradRule>(settings, parameterCount);
        case OptimizerKind::Adadelta:
            return std::make_unique<AdadeltaRule>(settings, parameterCount);
        case OptimizerKind::RmsProp:
            return std::make_unique<RmsPropRule>(settings, parameterCount);
        case OptimizerKind::Adam:
        case OptimizerKind::AdamW:
            return std::make_unique<AdamRule>(settings, parameterCount);
    }
    return std::make_unique<SgdRule>(settings, parameterCount);  // unreachable
}

}  // namespace lrscope::core
