// Finite-difference check of Network::backward for every hidden activation x loss.
#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "core/base/random.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"

namespace lrscope::core {
namespace {

struct Problem {
    Matrix input;
    std::vector<int> labels;
    Matrix targets;
};

Problem makeProblem(int inputs, int outputs, int batch, Rng& rng) {
    Problem p;
    p.input = Matrix(inputs, batch);
    for (Eigen::Index i = 0; i < p.input.size(); ++i) {
        p.input(i) = rng.uniform(-1.5, 1.5);
    }
    p.targets = Matrix(outputs, batch);
    for (Eigen::Index i = 0; i < p.targets.size(); ++i) {
        p.targets(i) = rng.uniform(-1.0, 1.0);
    }
    for (int j = 0; j < batch; ++j) {
        p.labels.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(outputs))));
    }
    return p;
}

double lossAt(const Network& net, LossKind loss, const Problem& p, bool classify) {
    TargetsView targets;
    if (classify) {
        targets.labels = p.labels.data();
    } else {
        targets.values = &p.targets;
    }
    return computeLoss(loss, net.predict(p.input), targets);
}

using GradientCase = std::tuple<Activation, LossKind, bool /*classify*/>;

class NetworkGradient : public ::testing::TestWithParam<GradientCase> {};

TEST_P(NetworkGradient, AnalyticMatchesCentralDifferences) {
    const auto [activation, loss, classify] = GetParam();
    Rng rng(42);
    Network net({3, 5, 4, 3}, activation);
    for (Eigen::Index i = 0; i < net.parameterCount(); ++i) {
        // Keep pre-activations away from ReLU's kink so central differences are exact enough.
        net.parameters()[i] = rng.uniform(-0.8, 0.8);
    }
    const Problem p = makeProblem(3, 3, 7, rng);

    ForwardCache cache;
    TargetsView targets;
    if (classify) {
        targets.labels = p.labels.data();
    } else {
        targets.values = &p.targets;
    }
    Matrix outputGradient;
    const double value =
        lossAndGradient(loss, net.forward(p.input, cache), targets, outputGradient);
    EXPECT_DOUBLE_EQ(value, lossAt(net, loss, p, classify));
    Vector analytic;
    net.backward(p.input, cache, outputGradient, analytic);
    ASSERT_EQ(analytic.size(), net.parameterCount());

    const double h = 1e-6;
    for (Eigen::Index i = 0; i < net.parameterCount(); ++i) {
        const double saved = net.parameters()[i];
        net.parameters()[i] = saved + h;
        const double up = lossAt(net, loss, p, classify);
        net.parameters()[i] = saved - h;
        const double down = lossAt(net, loss, p, classify);
        net.parameters()[i] = saved;
        const double numeric = (up - down) / (2 * h);
        EXPECT_NEAR(analytic[i], numeric, 1e-7 + 1e-6 * std::abs(numeric)) << "parameter " << i;
    }
}

std::string caseName(const ::testing::TestParamInfo<GradientCase>& info) {
    const auto [activation, loss, classify] = info.param;
    return std::string(activationName(activation)) + "_" + std::string(lossName(loss)) +
           (classify ? "_labels" : "_values");
}

INSTANTIATE_TEST_SUITE_P(
    AllActivationsAndLosses, NetworkGradient,
    ::testing::Values(GradientCase{Activation::Linear, LossKind::Mse, false},
                      GradientCase{Activation::Sigmoid, LossKind::Mse, false},
                      GradientCase{Activation::Tanh, LossKind::Mse, false},
                      GradientCase{Activation::Relu, LossKind::Mse, false},
                      GradientCase{Activation::LeakyRelu, LossKind::Mse, false},
                      GradientCase{Activation::Linear, LossKind::Mse, true},
                      GradientCase{Activation::Tanh, LossKind::Mse, true},
                      GradientCase{Activation::Linear, LossKind::CrossEntropy, true},
                      GradientCase{Activation::Sigmoid, LossKind::CrossEntropy, true},
                      GradientCase{Activation::Tanh, LossKind::CrossEntropy, true},
                      GradientCase{Activation::Relu, LossKind::CrossEntropy, true},
                      GradientCase{Activation::LeakyRelu, LossKind::CrossEntropy, true}),
    caseName);

TEST(NetworkGradient, LargeProductsTakeTheBlasPathAndStillAgree) {
    // 64 x 48 x 40 is above the BLAS threshold: compare against a plain Eigen product.
    Rng rng(7);
    Network net({48, 64, 2}, Activation::Tanh);
    for (Eigen::Index i = 0; i < net.parameterCount(); ++i) {
        net.parameters()[i] = rng.uniform(-0.3, 0.3);
    }
    Matrix input(48, 40);
    for (Eigen::Index i = 0; i < input.size(); ++i) {
        input(i) = rng.uniform(-1, 1);
    }
    Matrix hidden = net.weight(0) * input;
    hidden.colwise() += net.bias(0);
    hidden = hidden.array().tanh();
    Matrix expected = net.weight(1) * hidden;
    expected.colwise() += net.bias(1);
    EXPECT_LT((net.predict(input) - expected).cwiseAbs().maxCoeff(), 1e-12);
}

}  // namespace
}  // namespace lrscope::core
