#pragma once

#include <optional>
#include <vector>

#include "core/data/data_spec.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"
#include "core/training/training_state.hpp"

namespace lrscope::core {

class RunControl;

enum class RunStatus { Completed, Stopped, Diverged };

struct RunResult {
    RunId runId = 0;
    RunStatus status = RunStatus::Completed;
    std::optional<int> divergedAt;     // epoch in which a NaN/Inf appeared
    std::vector<EpochRecord> history;  // finite records only, epoch 0 first; empty when the
                                       // observer does not want it (wantsHistory())
    NetworkWeights finalWeights;       // last finite weights
    // Where the run can be continued from: right after its last record (a run stopped within
    // an epoch goes back to that epoch's start). None for a diverged run.
    std::optional<TrainingState> resumeState;
};

// Hooks called on the training thread. The trainer never knows who listens.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onEpoch(const EpochRecord& /*record*/) {}
    // False when the observer keeps the records it is handed itself (it streams them):
    // RunResult.history then stays empty, so a long run is not held twice.
    virtual bool wantsHistory() const { return true; }
    virtual void onFinished(const RunResult& /*result*/) {}
};

// Trains one run synchronously on the calling thread: epoch 0 record, then for each epoch
// one optimizer step per mini-batch (from BatchSequence), then a record, and a weight snapshot
// when control.snapshots() wants one. Uses only the config's own seed.
// Throws InputError when the config does not fit the data (e.g. weights of the wrong shape).
//
// Given `from` (a RunResult's resumeState, for the same config with more epochs), the run goes
// on after from->epoch: no epoch-0 record, epochs from->epoch + 1 to config.epochs, with the
// weights, optimizer state and rate of `from`. Throws InputError when `from` does not fit.
RunResult train(RunId id, const RunConfig& config, const DataSplit& data, RunControl& control,
                TrainingObserver& observer, const TrainingState* from = nullptr);

// Convenience: prepares the data from config.data and trains.
RunResult train(RunId id, const RunConfig& config, RunControl& control, TrainingObserver& observer,
                const TrainingState* from = nullptr);

std::string_view statusName(RunStatus status);  // "done", "stopped", "diverged"

}  // namespace lrscope::core
