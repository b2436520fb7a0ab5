#include "core/nn/activation.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"

namespace lrscope::core {

namespace {

// e^y - 1 for -40 <= y <= 0, accurate also near 0 and written so that GCC vectorises a loop
// around it (Eigen's exp, used before, spends two divisions and a multi-step ldexp per packet).
// y = n ln2 + r with |r| <= ln2/2 (Cody-Waite, ln2 split so that n * kLn2High is exact);
// e^r - 1 by its Taylor series to r^14 (truncation < 3e-18), r added last; e^y - 1 = 2^n (e^r - 1)
// + (2^n - 1), with 2^n put straight into the exponent bits.
inline double expm1NonPositive(double y) {
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2High = 0x1.62e42fefa3800p-1;
    constexpr double kLn2Low = 0x1.ef35793c76730p-45;
    constexpr double kRound = 0x1.8p52;  // adding it rounds to an integer held in the low bits
    const double shifted = y * kLog2e + kRound;
    const double n = shifted - kRound;
    const double r = (y - n * kLn2High) - n * kLn2Low;
    double p = 1.0 / 87178291200.0;  // 1/14!
    p = p * r + 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    const double rm1 = r + (r * r) * p;  // e^r - 1, its leading term r exact
    const auto exponent =
        std::bit_cast<std::int64_t>(shifted) - std::bit_cast<std::int64_t>(kRound);
    const double scale = std::bit_cast<double>((exponent + 1023) << 52);
    return scale * rm1 + (scale - 1.0);
}

// tanh for a whole block in one vectorised loop (glibc's scalar tanh dominated small networks):
// tanh|x| = -q / (2 + q) with q = e^(-2|x|) - 1, free of cancellation for every |x|; |x| >= 20
// gives exactly 1, as tanh does in double. Within a few ulp of std::tanh.
void tanhInPlace(double* values, Eigen::Index count) {
    for (Eigen::Index i = 0; i < count; ++i) {
        const double x = values[i];
        const double q = expm1NonPositive(-2.0 * std::min(std::abs(x), 20.0));
        values[i] = std::copysign(-q / (2.0 + q), x);
    }
}

}  // namespace

void applyActivation(Activation activation, Matrix& z) {
    switch (activation) {
        case Activation::Linear:
            return;
        case Activation::Sigmoid:
            // 1 / (1 + e^-z): no cancellation on either side; e^-z = inf gives exactly 0.
            z = (1.0 + (-z.array()).exp()).inverse().matrix();
            return;
        case Activation::Tanh:
            tanhInPlace(z.data(), z.size());
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
        case Activation::Relu: {
            // PyTorch's ReLU passes no gradient at exactly 0. A plain loop: GCC vectorises
            // the select, Eigen 3.4 does not vectorise the comparison.
            double* g = grad.data();
            const double* out = a.data();
            for (Eigen::Index i = 0; i < grad.size(); ++i) {
                g[i] = out[i] > 0.0 ? g[i] : 0.0;
            }
            return;
        }
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
    throw InputError::setting("activation",
                              "unknown activation " + quotedForMessage(name, 60) +
                                  "; expected linear, sigmoid, tanh, relu or leaky_relu");
}

}  // namespace lrscope::core
