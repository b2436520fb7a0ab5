// Whole epochs of core::train, evaluation and bookkeeping included, on the spiral workload
// (W1 of benchmarks/compare_pytorch.py) and on the shipped digits set (W2).
#include <benchmark/benchmark.h>

#include "core/analysis/range_test.hpp"
#include "core/data/data_spec.hpp"
#include "core/training/run_config.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace {

using lrscope::core::Activation;
using lrscope::core::DataSplit;
using lrscope::core::OptimizerKind;
using lrscope::core::RunConfig;

RunConfig spiralConfig() {
    RunConfig config;
    config.data.dataset = "spiral";
    config.data.samples = 500;
    config.hiddenLayers = {8, 8};
    config.activation = Activation::Tanh;
    config.optimizer = lrscope::core::defaultsFor(OptimizerKind::Sgd);
    config.optimizer.lr = 0.03;
    config.batchSize = 10;
    return config;
}

RunConfig digitsConfig() {
    RunConfig config;
    config.data.dataset = "digits";
    config.hiddenLayers = {128, 64};
    config.activation = Activation::Relu;
    config.optimizer = lrscope::core::defaultsFor(OptimizerKind::Adam);
    config.optimizer.lr = 1e-3;
    config.batchSize = 32;
    return config;
}

// Each iteration is one call of core::train with `epochs` epochs (plus the epoch-0
// evaluation and set-up, which a longer run amortises); "epochs/s" is the rate that matters.
void trainEpochs(benchmark::State& state, RunConfig config, int epochs) {
    config.epochs = epochs;
    const DataSplit data = lrscope::core::prepareData(config.data, config.seed);
    lrscope::core::TrainingObserver observer;
    for (auto _ : state) {
        lrscope::core::RunControl control;
        const auto result = lrscope::core::train(1, config, data, control, observer);
        benchmark::DoNotOptimize(result.history.data());
    }
    state.counters["epochs/s"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * epochs, benchmark::Counter::kIsRate);
}

void BM_TrainEpochSpiral(benchmark::State& state) {
    state.SetLabel("W1 spiral 500, 2-8-8-2 tanh, sgd, batch 10");
    trainEpochs(state, spiralConfig(), 50);
}
BENCHMARK(BM_TrainEpochSpiral)->Unit(benchmark::kMillisecond)->MinTime(0.3);

void BM_TrainEpochDigits(benchmark::State& state) {
    state.SetLabel("W2 digits, 64-128-64-10 relu, adam, batch 32");
    trainEpochs(state, digitsConfig(), 5);
}
BENCHMARK(BM_TrainEpochDigits)->Unit(benchmark::kMillisecond)->MinTime(0.3);

// `lrscope-cli lr-find` with no flags, start-up aside: the default run's data prepared and a
// 100-iteration range test on it.
void BM_RangeTestDefaults(benchmark::State& state) {
    state.SetLabel("lr-find defaults: spiral 200, 2-8-8-2 tanh, sgd, batch 10, 100 iterations");
    const RunConfig config;
    const lrscope::core::RangeTestSettings settings;
    for (auto _ : state) {
        const DataSplit data = lrscope::core::prepareData(config.data, config.seed);
        lrscope::core::RunControl control;
        const auto result = lrscope::core::rangeTest(config, data, settings, control);
        benchmark::DoNotOptimize(result.points.data());
    }
}
BENCHMARK(BM_RangeTestDefaults)->Unit(benchmark::kMillisecond)->MinTime(0.3);

}  // namespace
