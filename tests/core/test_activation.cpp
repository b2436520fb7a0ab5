#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/base/errors.hpp"
#include "core/nn/activation.hpp"

namespace lrscope::core {
namespace {

// Inputs spanning tiny, series/closed-form boundary (0.25), moderate and saturated values.
Matrix probeValues() {
    std::vector<double> values = {0.0,  -0.0, 1e-300, -1e-12, 1e-8, 0.2499999, 0.25,  0.2500001,
                                  -0.7, 1.0,  3.0,    -9.5,   19.0, 40.0,      -800.0};
    for (int i = -2000; i <= 2000; ++i) {
        values.push_back(i * 0.00317);
    }
    Matrix m(1, static_cast<Eigen::Index>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) {
        m(0, static_cast<Eigen::Index>(i)) = values[i];
    }
    return m;
}

TEST(Activation, VectorisedTanhStaysWithinAFewUlpOfStdTanh) {
    const Matrix input = probeValues();
    Matrix output = input;
    applyActivation(Activation::Tanh, output);
    for (Eigen::Index i = 0; i < input.size(); ++i) {
        const double expected = std::tanh(input(i));
        const double tolerance = 4 * std::numeric_limits<double>::epsilon() * std::abs(expected);
        EXPECT_NEAR(output(i), expected, tolerance) << "x = " << input(i);
        EXPECT_EQ(std::signbit(output(i)), std::signbit(expected)) << "x = " << input(i);
    }
}

TEST(Activation, SigmoidIsAccurateAndSaturatesWithoutOverflow) {
    const Matrix input = probeValues();
    Matrix output = input;
    applyActivation(Activation::Sigmoid, output);
    for (Eigen::Index i = 0; i < input.size(); ++i) {
        const double x = input(i);
        const double expected =
            x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
        EXPECT_NEAR(output(i), expected, 4 * std::numeric_limits<double>::epsilon() * expected)
            << "x = " << x;
    }
}

TEST(Activation, ReluAndLeakyReluFollowPyTorch) {
    Matrix z(1, 3);
    z << -2.0, 0.0, 3.0;
    Matrix relu = z;
    applyActivation(Activation::Relu, relu);
    EXPECT_EQ(relu(0), 0.0);
    EXPECT_EQ(relu(2), 3.0);
    Matrix leaky = z;
    applyActivation(Activation::LeakyRelu, leaky);
    EXPECT_DOUBLE_EQ(leaky(0), -0.02);
    // No gradient through ReLU at exactly 0, as in PyTorch.
    Matrix grad = Matrix::Ones(1, 3);
    multiplyByDerivative(Activation::Relu, relu, grad);
    EXPECT_EQ(grad(1), 0.0);
    EXPECT_EQ(grad(2), 1.0);
}

TEST(Activation, NamesRoundTripAndUnknownNamesAreRejected) {
    for (const auto a : {Activation::Linear, Activation::Sigmoid, Activation::Tanh,
                         Activation::Relu, Activation::LeakyRelu}) {
        EXPECT_EQ(parseActivation(activationName(a)), a);
    }
    EXPECT_THROW(parseActivation("swish"), InputError);
}

}  // namespace
}  // namespace lrscope::core
