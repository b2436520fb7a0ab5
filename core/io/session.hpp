#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/io/finished_status.hpp"
#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {

// A live learning-rate change: from `epoch` on the run trained at `lr` (the record of that
// epoch carries it too, as EpochRecord::lrChangedTo).
struct LrChange {
    int epoch = 0;
    double lr = 0.0;
};

// One run as a session stores it: enough to draw it again exactly as it was drawn.
struct SessionRun {
    // The run's number: its "run" in a runs CSV, increasing from run to run in a session.
    // A sweep's run k is number k in every shard, which is what lets shards merge.
    int number = 0;
    std::string name;
    std::string colour;  // "#rrggbb"
    bool visible = true;
    int sweep = 0;  // the window's sweep that trained it (1, 2, ...), 0 for a run of its own
    FinishedStatus status = FinishedStatus::Done;
    std::optional<int> divergedAt;  // set exactly when status is Diverged
    RunConfig config;               // config.initialWeights is not stored
    std::vector<LrChange> lrChanges;
    std::vector<EpochRecord> history;  // epochs 0, 1, 2, ... without gaps; may be empty
    std::optional<NetworkWeights> finalWeights;
    // Where a run imported from a runs CSV came from, as the user saw it; empty for a run
    // trained in lrscope. Such a run stays read-only and marked "(imported)" when reopened.
    std::string importedFrom;
};

// A curve brought in from elsewhere (e.g. a PyTorch log): points (x, y) as drawn.
struct ImportedRun {
    std::string name;
    std::string source;  // where it came from, as the user should see it
    std::vector<std::array<double, 2>> points;
};

// What the window shows: its runs, imported curves, each view's own state and the panel's
// settings. Views store what they like under their name; core only requires an object.
struct Session {
    std::vector<SessionRun> runs;
    std::vector<ImportedRun> importedRuns;
    std::map<std::string, nlohmann::json> views;
    RunConfig panel;
};

// The first thing that keeps `session` from being saved and read back as it is, as
// "runs[2].colour: expected \"#rrggbb\", found \"red\"" (JSON path, what was found, what was
// expected); nullopt when there is none. Checks: run numbers from 1 and increasing; colours
// "#rrggbb"; every number finite; histories with epochs 0, 1, 2, ... and no more than the
// config's epochs; diverged_at set exactly for diverged runs and not inside the history;
// live changes in epochs 1 to the config's epochs, in order, at rates > 0; weights with
// one layer per hidden layer plus the output, each fed by the previous; views are objects.
std::optional<std::string> sessionProblem(const Session& session);

// Makes a run's history storable: a gradient norm, update ratio or step size that overflowed
// to Inf (or is NaN) becomes null. JSON has no infinity, and the plots draw no point for such
// a value either, so the run reopens drawn as it was. (Losses and errors in a history are
// always finite: a non-finite loss ends the run as diverged before its record.)
void clearNonFiniteStatistics(std::vector<EpochRecord>& history);

}  // namespace lrscope::core
