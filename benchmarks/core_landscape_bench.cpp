// What the window recomputes when a landscape setting moves: eight optimizer paths of 1,000
// steps (target: well within a 16 ms frame), and a 200 x 200 decision grid (target: 100 ms).
#include <benchmark/benchmark.h>

#include "core/analysis/decision_grid.hpp"
#include "core/analysis/optimizer_path.hpp"
#include "core/base/random.hpp"
#include "core/nn/linalg.hpp"

namespace {

using namespace lrscope::core;

void BM_EightOptimizerPaths(benchmark::State& state) {
    const auto function = kAllTestFunctions[state.range(0)];
    state.SetLabel(std::string(testFunctionName(function)) + ", 8 optimizers x 1000 steps");
    std::vector<OptimizerSettings> settings;
    for (const auto kind : kAllOptimizers) {
        OptimizerSettings s = defaultsFor(kind);
        s.lr = 1e-3;
        settings.push_back(s);
    }
    for (auto _ : state) {
        for (const auto& s : settings) {
            const OptimizerPath path = optimizerPath(function, s, {}, {-1.5, 2.0}, 1000);
            benchmark::DoNotOptimize(path.points.data());
        }
    }
}
BENCHMARK(BM_EightOptimizerPaths)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

// A 2-16-16-3 tanh classifier, the size the window's 2-D data sets train.
void BM_DecisionGrid(benchmark::State& state) {
    useSingleThreadedBlas();  // as the window runs it
    const int side = static_cast<int>(state.range(0));
    state.SetLabel("2-16-16-3 tanh, " + std::to_string(side) + " x " + std::to_string(side));
    Rng rng(3);
    NetworkWeights weights;
    for (const auto& [out, in] : {std::pair{16, 2}, std::pair{16, 16}, std::pair{3, 16}}) {
        LayerWeights layer{Matrix(out, in), Vector(out)};
        for (Eigen::Index i = 0; i < layer.weight.size(); ++i) {
            layer.weight.data()[i] = rng.normal();
        }
        for (Eigen::Index i = 0; i < layer.bias.size(); ++i) {
            layer.bias[i] = rng.normal();
        }
        weights.layers.push_back(layer);
    }
    for (auto _ : state) {
        const DecisionGrid grid = decisionGrid(weights, Activation::Tanh, LossKind::CrossEntropy,
                                               {-3.0, 3.0, -3.0, 3.0}, side, side);
        benchmark::DoNotOptimize(grid.predicted.data());
    }
}
BENCHMARK(BM_DecisionGrid)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
