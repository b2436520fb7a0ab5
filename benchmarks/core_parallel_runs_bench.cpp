// Runs side by side, as a sweep trains them on the pool: each iteration trains N W1 spiral runs
// at once, one per thread (the same settings, each with its own control and history, the data
// shared read-only as trainBatch shares it). items_per_second is the epochs of all N runs per
// second of wall time, so runs:2 over runs:1 is what a second core adds (target 1.9x or more;
// a shared lock or false sharing would show here).
#include <benchmark/benchmark.h>

#include <thread>
#include <vector>

#include "core/data/data_spec.hpp"
#include "core/training/run_config.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace {

using lrscope::core::RunConfig;

void BM_SpiralRunsSideBySide(benchmark::State& state) {
    const auto runs = static_cast<int>(state.range(0));
    state.SetLabel("W1 spiral 500, 2-8-8-2 tanh, sgd, batch 10, 300 epochs per run");
    RunConfig config;
    config.data.dataset = "spiral";
    config.data.samples = 500;
    config.hiddenLayers = {8, 8};
    config.optimizer = lrscope::core::defaultsFor(lrscope::core::OptimizerKind::Sgd);
    config.optimizer.lr = 0.03;
    config.batchSize = 10;
    config.epochs = 300;
    const lrscope::core::DataSplit data = lrscope::core::prepareData(config.data, config.seed);
    for (auto _ : state) {
        std::vector<std::thread> threads;
        for (int i = 0; i < runs; ++i) {
            threads.emplace_back([&config, &data, i] {
                lrscope::core::RunControl control;
                lrscope::core::TrainingObserver observer;
                const auto result = lrscope::core::train(static_cast<lrscope::core::RunId>(i + 1),
                                                         config, data, control, observer);
                benchmark::DoNotOptimize(result.history.data());
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
    state.SetItemsProcessed(state.iterations() * runs * config.epochs);
}
BENCHMARK(BM_SpiralRunsSideBySide)
    ->ArgName("runs")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0)
    ->UseRealTime();

}  // namespace
