// predictInput: one input in the data's own units, standardised as training did, through
// core's forward pass.
#include <gtest/gtest.h>

#include <cmath>

#include "core/analysis/input_prediction.hpp"
#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

// A 2-2-3 network with hand-set weights.
NetworkWeights smallNet() {
    NetworkWeights weights;
    LayerWeights hidden;
    hidden.weight = Matrix(2, 2);
    hidden.weight << 0.5, -1.0, 2.0, 0.25;
    hidden.bias = Vector(2);
    hidden.bias << 0.1, -0.2;
    LayerWeights out;
    out.weight = Matrix(3, 2);
    out.weight << 1.0, -1.0, 0.5, 0.5, -2.0, 1.5;
    out.bias = Vector(3);
    out.bias << 0.0, 0.3, -0.1;
    weights.layers = {hidden, out};
    return weights;
}

Vector vec(double a, double b) {
    Vector v(2);
    v << a, b;
    return v;
}

TEST(InputPrediction, StandardisesWithTheRunsStatisticsBeforeTheForwardPass) {
    const Vector x = vec(3.0, -4.0);
    const Vector mean = vec(1.0, 2.0);
    const Vector scale = vec(2.0, 0.5);
    const Predictions got =
        predictInput(smallNet(), Activation::Tanh, LossKind::CrossEntropy, x, mean, scale);
    // By hand: z = ((3 - 1) / 2, (-4 - 2) / 0.5) = (1, -12).
    const double h0 = std::tanh(0.5 * 1.0 - 1.0 * -12.0 + 0.1);
    const double h1 = std::tanh(2.0 * 1.0 + 0.25 * -12.0 - 0.2);
    const double o[3] = {h0 - h1, 0.5 * h0 + 0.5 * h1 + 0.3, -2.0 * h0 + 1.5 * h1 - 0.1};
    const double top = std::max({o[0], o[1], o[2]});
    const double sum = std::exp(o[0] - top) + std::exp(o[1] - top) + std::exp(o[2] - top);
    for (int k = 0; k < 3; ++k) {
        EXPECT_NEAR(got.outputs(k, 0), o[k], 1e-15);
        EXPECT_NEAR(got.probabilities(k, 0), std::exp(o[k] - top) / sum, 1e-15);
    }
    EXPECT_EQ(got.predicted.at(0), static_cast<int>(std::max_element(o, o + 3) - o));
}

TEST(InputPrediction, WithoutStatisticsTheInputIsUsedAsGiven) {
    const Vector x = vec(0.3, -0.7);
    const Predictions plain =
        predictInput(smallNet(), Activation::Relu, LossKind::Mse, x, Vector(), Vector());
    Matrix column(2, 1);
    column.col(0) = x;
    const Predictions direct =
        predict(networkFromWeights(smallNet(), Activation::Relu), LossKind::Mse, column);
    EXPECT_EQ(plain.outputs, direct.outputs);
    EXPECT_EQ(plain.probabilities.size(), 0);  // mse: raw outputs only
}

TEST(InputPrediction, MismatchedOrNonFiniteInputsAreInputErrors) {
    const NetworkWeights net = smallNet();
    Vector three(3);
    three << 1, 2, 3;
    EXPECT_THROW(predictInput(net, Activation::Tanh, LossKind::CrossEntropy, three, {}, {}),
                 InputError);
    EXPECT_THROW(
        predictInput(net, Activation::Tanh, LossKind::CrossEntropy, vec(std::nan(""), 0.0), {}, {}),
        InputError);
    EXPECT_THROW(
        predictInput(net, Activation::Tanh, LossKind::CrossEntropy, vec(1, 2), vec(0, 0), Vector()),
        InputError);
}

}  // namespace
}  // namespace lrscope::core
