#include "core/activation.hpp"

#include <string>

#include "core/errors.hpp"

namespace lrscope::core {

void applyActivation(Activation activation, Matrix& z) {
    switch (activation) {
        case Activation::Linear:
            return;
        case Activation::Sigmoid:
            // 1 / (1 + e^-z) written so that large |z| neither overflows nor loses precision.
            z = z.unaryExpr([](double v) {
                if (v >= 0.0) {
                    return 1.0 / (1.0 + std::exp(-v));
                }
                const double e = std::exp(v);
                return e / (1.0 + e);
            });
            return;
        case Activation::Tanh:
            z = z.array().tanh();
            return;
        case Activation::Relu:
            z = z.cwiseMax(0.0);
            return;
        case Activation::LeakyRelu:
            z = z.unaryExpr([](double v) { return v > 0.0 ? v : kLeakyReluSlope * v; });
            return;
    }
}

void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& grad) {
    switch (activation) {
        case Activation::Linear:
            return;
        case Activation::Sigmoid:
            grad.array() *= a.array() * (1.0 - a.array());
            return;
        case Activation::Tanh:
            grad.array() *= 1.0 - a.array().square();
            return;
        case Activation::Relu:
            // PyTorch's ReLU passes no gradient at exactly 0.
            grad.array() *= (a.array() > 0.0).cast<double>();
            return;
        case Activation::LeakyRelu:
            grad = grad.binaryExpr(
                a, [](double g, double out) { return out > 0.0 ? g : kLeakyReluSlope * g; });
            return;
    }
}

std::string_view activationName(Activation activation) {
    switch (activation) {
        case Activation::Linear:
            return "linear";
        case Activation::Sigmoid:
            return "sigmoid";
        case Activation::Tanh:
            return "tanh";
        case Activation::Relu:
            return "relu";
        case Activation::LeakyRelu:
            return "leaky_relu";
    }
    return "linear";
}

Activation parseActivation(std::string_view name) {
    for (Activation a : {Activation::Linear, Activation::Sigmoid, Activation::Tanh,
                         Activation::Relu, Activation::LeakyRelu}) {
        if (activationName(a) == name) {
            return a;
        }
    }
    throw InputError("--activation: unknown activation '" + std::string(name) +
                     "'; expected linear, sigmoid, tanh, relu or leaky_relu");
}

}  // namespace lrscope::core
