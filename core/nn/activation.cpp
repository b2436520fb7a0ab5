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

// e^y for -40 <= y <= 0, written so that GCC vectorises a loop around it (Eigen's exp, used
// before, spends two divisions and a multi-step ldexp per packet). y = n ln2 + r with
// |r| <= ln2/2 (Cody-Waite, ln2 split so that n * kLn2High is exact); e^r by its Taylor series
// to r^13 (truncation < 5e-17 relative); 2^n straight into the exponent bits.
inline double expNonPositive(double y) {
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2High = 0x1.62e42fefa3800p-1;
    constexpr double kLn2Low = 0x1.ef35793c76730p-45;
    constexpr double kRound = 0x1.8p52;  // adding it rounds to an integer held in the low bits
    const double shifted = y * kLog2e + kRound;
    const double n = shifted - kRound;
    const double r = (y - n * kLn2High) - n * kLn2Low;
    double p = 1.0 / 6227020800.0;  // 1/13!
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
    p = p * r + 1.0;
    p = p * r + 1.0;
    const auto exponent =
        std::bit_cast<std::int64_t>(shifted) - std::bit_cast<std::int64_t>(kRound);
    const double scale = std::bit_cast<double>((exponent + 1023) << 52);
    return p * scale;
}

// tanh for a whole block in one vectorised loop (glibc's scalar tanh dominated small networks).
// |x| < 0.25: odd Taylor series to x^21 (truncation < 2e-18 relative);
// otherwise (1 - e) / (1 + e) with e = exp(-2|x|), free of cancellation there; |x| >= 20 gives
// exactly 1, as tanh does in double. Within a few ulp of std::tanh.
void tanhInPlace(double* values, Eigen::Index count) {
    constexpr double kSeries[] = {1.0,
                                  -0.3333333333333333,
                                  0.13333333333333333,
                                  -0.05396825396825397,
                                  0.021869488536155203,
                                  -0.008863235529902197,
                                  0.003592128036572481,
                                  -0.0014558343870513183,
                                  0.000590027440945586,
                                  -0.00023912911424355248,
                                  9.691537956929451e-05};
    for (Eigen::Index i = 0; i < count; ++i) {
        const double x = values[i];
        const double a = std::abs(x);
        const double a2 = a * a;
        // Horner, written out so the compiler vectorises the whole loop.
        double p = kSeries[10];
        p = p * a2 + kSeries[9];
        p = p * a2 + kSeries[8];
        p = p * a2 + kSeries[7];
        p = p * a2 + kSeries[6];
        p = p * a2 + kSeries[5];
        p = p * a2 + kSeries[4];
        p = p * a2 + kSeries[3];
        p = p * a2 + kSeries[2];
        p = p * a2 + kSeries[1];
        p = p * a2 + kSeries[0];
        const double series = p * a;
        const double e = expNonPositive(-2.0 * std::min(a, 20.0));
        const double large = (1.0 - e) / (1.0 + e);
        const double magnitude = a < 0.25 ? series : large;
        values[i] = std::copysign(magnitude, x);
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
