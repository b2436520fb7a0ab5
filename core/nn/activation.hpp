#pragma once

#include <string>
#include <string_view>

#include "core/nn/linalg.hpp"

namespace lrscope::core {

enum class Activation { Linear, Sigmoid, Tanh, Relu, LeakyRelu };

inline constexpr double kLeakyReluSlope = 0.01;  // PyTorch's LeakyReLU default

// In place: z becomes f(z).
void applyActivation(Activation activation, Matrix& z);
// In place: grad becomes grad * f'(z), using the activation's output a = f(z).
void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& grad);

std::string_view activationName(Activation activation);
// Throws InputError naming the accepted values.
Activation parseActivation(std::string_view name);

}  // namespace lrscope::core
