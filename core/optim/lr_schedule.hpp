#pragma once

#include <string>
#include <string_view>

namespace lrscope::core {

// Per-epoch learning-rate schedule with the meaning of PyTorch's schedulers stepped once per
// epoch, so epoch 1 trains at the initial rate:
//  Constant     lr
//  Step         lr * gamma^floor((epoch - 1) / step_size)           (StepLR)
//  Exponential  lr * gamma^(epoch - 1)                               (ExponentialLR)
//  Cosine       eta_min + (lr - eta_min) * (1 + cos(pi * (epoch - 1) / t_max)) / 2
//                                                                    (CosineAnnealingLR)
// With warmup_epochs = N > 0 the result is further multiplied by min(1, epoch / N).
// Evaluated per batch, every batch of an epoch gets the epoch's rate, and with
// warmup_batches = W > 0 the k-th batch of the run (1-based) is further multiplied by
// min(1, k / W): a warm-up shorter than an epoch.
enum class ScheduleKind { Constant, Step, Exponential, Cosine };

struct LrSchedule {
    ScheduleKind kind = ScheduleKind::Constant;
    int stepSize = 1;     // Step
    double gamma = 0.1;   // Step, Exponential
    int tMax = 100;       // Cosine
    double etaMin = 0.0;  // Cosine
    int warmupEpochs = 0;
    int warmupBatches = 0;  // core only for now: not in the CLI flags or the session file
};

// Learning rate in force during `epoch` (1-based) for a base rate `base_lr`.
double learningRateAt(const LrSchedule& schedule, double baseLr, int epoch);

// Learning rate for batch `batch` (0-based) of `epoch` (1-based) in a run of
// `batchesPerEpoch` batches per epoch: learningRateAt(schedule, baseLr, epoch) times
// batchWarmupFactor(schedule, epoch, batch, batchesPerEpoch).
double learningRateAt(const LrSchedule& schedule, double baseLr, int epoch, long batch,
                      long batchesPerEpoch);

// min(1, k / warmup_batches) for the run's k-th batch, k = (epoch - 1) * batchesPerEpoch +
// batch + 1; exactly 1 without a per-batch warm-up.
double batchWarmupFactor(const LrSchedule& schedule, int epoch, long batch, long batchesPerEpoch);

// "constant", "step:K:GAMMA", "exp:GAMMA", "cosine:TMAX[:ETA_MIN]". Throws InputError.
// Warm-up is a separate setting and keeps its current value.
LrSchedule parseSchedule(std::string_view text);
std::string formatSchedule(const LrSchedule& schedule);
void validate(const LrSchedule& schedule);

}  // namespace lrscope::core
