// Forward + backward of one mini-batch (the inner loop of training) for three network sizes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/random.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/initializer.hpp"
#include "core/nn/linalg.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"

namespace {

using lrscope::core::Activation;
using lrscope::core::ForwardCache;
using lrscope::core::InitSettings;
using lrscope::core::LossKind;
using lrscope::core::Matrix;
using lrscope::core::Network;
using lrscope::core::Rng;
using lrscope::core::TargetsView;
using lrscope::core::Vector;

struct Shape {
    const char* name;
    std::vector<int> sizes;
    Activation activation;
    int batch;
};

// small = the spiral workload, medium = digits, large = wide MLP on 100 features.
const Shape kShapes[] = {
    {"small 2-8-8-2 tanh b10", {2, 8, 8, 2}, Activation::Tanh, 10},
    {"medium 64-128-64-10 relu b32", {64, 128, 64, 10}, Activation::Relu, 32},
    {"large 100-512-512-10 relu b128", {100, 512, 512, 10}, Activation::Relu, 128},
};

struct Fixture {
    explicit Fixture(const Shape& shape) : network(shape.sizes, shape.activation) {
        Rng rng(42);
        initializeNetwork(network, InitSettings{}, rng);
        input.resize(shape.sizes.front(), shape.batch);
        for (Eigen::Index i = 0; i < input.size(); ++i) {
            input.data()[i] = rng.normal();
        }
        const auto classes = static_cast<std::uint64_t>(shape.sizes.back());
        for (int j = 0; j < shape.batch; ++j) {
            labels.push_back(static_cast<int>(rng.below(classes)));
        }
    }
    Network network;
    Matrix input;
    std::vector<int> labels;
};

void BM_ForwardBackward(benchmark::State& state) {
    const Shape& shape = kShapes[state.range(0)];
    state.SetLabel(shape.name);
    Fixture f(shape);
    ForwardCache cache;
    Matrix outputGradient;
    Vector gradient;
    TargetsView targets;
    targets.labels = f.labels.data();
    for (auto _ : state) {
        const Matrix& outputs = f.network.forward(f.input, cache);
        const double loss =
            lossAndGradient(LossKind::CrossEntropy, outputs, targets, outputGradient);
        f.network.backward(f.input, cache, outputGradient, gradient);
        benchmark::DoNotOptimize(loss);
        benchmark::DoNotOptimize(gradient.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * shape.batch);  // samples/s
}
BENCHMARK(BM_ForwardBackward)->DenseRange(0, 2)->MinTime(0.2);

// Forward only, as the per-epoch evaluation does it (no gradient).
void BM_Forward(benchmark::State& state) {
    const Shape& shape = kShapes[state.range(0)];
    state.SetLabel(shape.name);
    Fixture f(shape);
    ForwardCache cache;
    for (auto _ : state) {
        const Matrix& outputs = f.network.forward(f.input, cache);
        benchmark::DoNotOptimize(outputs.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * shape.batch);
}
BENCHMARK(BM_Forward)->DenseRange(0, 2)->MinTime(0.1);

// The hidden-layer activations alone, on a [width x batch] block (tanh goes through libm).
void BM_Activation(benchmark::State& state) {
    const auto activation = static_cast<Activation>(state.range(0));
    state.SetLabel(std::string(lrscope::core::activationName(activation)) + " 64x512");
    const Matrix source = Matrix::Random(64, 512);
    Matrix z;
    for (auto _ : state) {
        z = source;
        applyActivation(activation, z);
        benchmark::DoNotOptimize(z.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * source.size());
}
BENCHMARK(BM_Activation)
    ->Arg(static_cast<int>(Activation::Tanh))
    ->Arg(static_cast<int>(Activation::Sigmoid))
    ->Arg(static_cast<int>(Activation::Relu))
    ->MinTime(0.1);

}  // namespace
