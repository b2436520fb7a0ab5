// One optimizer step on ~100k parameters, for every update rule with its default settings.
#include <benchmark/benchmark.h>

#include <iterator>
#include <memory>
#include <string>

#include "core/base/random.hpp"
#include "core/nn/linalg.hpp"
#include "core/optim/optimizer.hpp"

namespace {

using lrscope::core::kAllOptimizers;
using lrscope::core::OptimizerKind;
using lrscope::core::Rng;
using lrscope::core::Vector;

constexpr Eigen::Index kParameters = 100'000;

Vector randomVector(Rng& rng, double scale) {
    Vector v(kParameters);
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        v[i] = scale * rng.normal();
    }
    return v;
}

// Rules may use the gradient as scratch space (Nesterov and weight decay do), so each step
// starts from a fresh copy; BM_GradientCopy is that copy alone, to subtract.
void BM_OptimizerStep(benchmark::State& state) {
    const auto kind = kAllOptimizers[state.range(0)];
    state.SetLabel(std::string(lrscope::core::optimizerName(kind)) + " 100k params");
    const auto settings = lrscope::core::defaultsFor(kind);
    auto rule = lrscope::core::makeUpdateRule(settings, kParameters);
    Rng rng(7);
    Vector params = randomVector(rng, 0.1);
    const Vector source = randomVector(rng, 0.01);
    Vector grad;
    for (auto _ : state) {
        grad = source;
        rule->step(params, grad, settings.lr);
        benchmark::DoNotOptimize(params.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * kParameters);
}
BENCHMARK(BM_OptimizerStep)
    ->DenseRange(0, static_cast<int>(std::size(kAllOptimizers)) - 1)
    ->MinTime(0.1);

void BM_GradientCopy(benchmark::State& state) {
    Rng rng(7);
    const Vector source = randomVector(rng, 0.01);
    Vector grad;
    for (auto _ : state) {
        grad = source;
        benchmark::DoNotOptimize(grad.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * kParameters);
}
BENCHMARK(BM_GradientCopy)->MinTime(0.1);

}  // namespace
