#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/data/data_spec.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {

class RunControl;

// The learning-rate range test (Leslie Smith; with the meaning of fastai's lr_find so that
// its results carry over): one throw-away run whose rate grows exponentially per batch.
struct RangeTestSettings {
    double startLr = 1e-7;
    double endLr = 10.0;
    int iterations = 100;
    double smoothing = 0.98;  // beta of the debiased running mean
    double stopFactor = 4.0;  // 0 = never stop early
};

inline constexpr int kMaxRangeTestIterations = 1'000'000;

// Throws InputError naming the setting (its key is the CLI flag: "start-lr").
void validate(const RangeTestSettings& settings);

// lr_i = start * (end / start)^(i / N), i = 0..N-1.
double rangeTestRate(const RangeTestSettings& settings, int iteration);

struct RangeTestPoint {
    int iteration = 0;
    double lr = 0.0;
    double loss = 0.0;          // the batch's mean loss with the weights before step i
    double smoothedLoss = 0.0;  // debiased running mean of the losses 0..i
};

enum class RangeTestStop {
    Completed,  // all N iterations recorded
    Diverged,   // the smoothed loss exceeded stop_factor times its minimum so far
    NonFinite,  // a NaN or Inf loss ended it (that iteration is not recorded)
    Stopped,    // RunControl asked it to stop
};

std::string_view stopName(RangeTestStop stop);  // "completed", "diverged", "non-finite", "stopped"

struct RangeTestResult {
    std::vector<RangeTestPoint> points;
    RangeTestStop stop = RangeTestStop::Completed;
};

// Called on the calling thread after each recorded iteration.
using RangeTestObserver = std::function<void(const RangeTestPoint&)>;

// Runs the range test synchronously. Iteration i trains the i-th mini-batch of the run's
// batch sequence (BatchSequence: epoch after epoch, shuffled exactly as train() shuffles),
// starting from the run's initial weights; the optimizer's state carries over from step to
// step as in training. config.optimizer.lr and config.schedule are not used (the test sets
// every rate), nor config.epochs. RunControl can pause or stop it between iterations.
// Throws InputError when the config does not fit the data.
RangeTestResult rangeTest(const RunConfig& config, const DataSplit& data,
                          const RangeTestSettings& settings, RunControl& control,
                          const RangeTestObserver& observer = {});

}  // namespace lrscope::core
