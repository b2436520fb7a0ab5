#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include <QColor>
#include <QObject>
#include <QString>

#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"
#include "core/training/training_state.hpp"
#include "ui/runs/run_state.hpp"

namespace lrscope::ui {

class TrainingController;
struct RunOutcome;

// A change of the learning rate made while the run trained.
struct LrChange {
    int epoch = 0;
    double lr = 0.0;
};

// Everything the window knows about one run, held once.
struct Run {
    core::RunId id = 0;
    QString name;
    QColor colour;
    int styleCycle = 0;  // core::runStyleCycle of the run's palette place: same colour, new marker
    core::RunConfig config;
    RunState state = RunState::Queued;
    bool visible = true;
    // The sweep that trained this run (1, 2, ... in the order the window started them), 0 for
    // a run of its own. The run list folds a sweep's runs under one row; the sweep view draws
    // them.
    int sweep = 0;
    std::vector<core::EpochRecord> history;  // contiguous from epoch 0
    std::vector<LrChange> lrChanges;
    std::optional<int> divergedAt;
    QString failure;
    std::optional<core::NetworkWeights> finalWeights;
    // Where Continue goes on from: set when the run ended done or stopped in this window
    // (runs read from files, diverged and failed runs have none).
    std::shared_ptr<const core::TrainingState> resumeState;
    std::optional<double> bestTestLoss;   // lowest test loss so far
    std::optional<double> bestTrainLoss;  // lowest train loss so far
    // A run read from another tool's file (or an lrscope runs CSV): read-only, finished, named
    // "(imported)" wherever it is listed. Empty for runs trained or opened here.
    QString importedFrom;
    // An imported curve without epochs (a TensorBoard tag, a CSV log column): (step, value)
    // points the loss plots draw in place of a history. Empty for every other run.
    std::vector<std::array<double, 2>> importedPoints;

    bool imported() const { return !importedFrom.isEmpty(); }

    int lastEpoch() const { return history.empty() ? 0 : history.back().epoch; }
    // The rate in force now: the last live change, else the configured rate.
    double currentLr() const {
        return lrChanges.empty() ? config.optimizer.lr : lrChanges.back().lr;
    }
};

// The one owner of every run in the window (and of the runs `lrscope-cli plot` draws): config,
// name, colour, visibility, state, live-rate changes and history. It follows a
// TrainingController by itself (runs it queues are added, their records appended, their state
// moved through RunState's machine) and assigns colours in start order. Views and the run list
// read runs from here and listen to its signals; nothing else keeps a copy of a history.
class RunStore : public QObject {
    Q_OBJECT
public:
    // What runChanged() reports.
    enum Change : unsigned {
        Name = 1U << 0U,
        Colour = 1U << 1U,
        Visibility = 1U << 2U,
        State = 1U << 3U,  // state, divergedAt, failure, finalWeights
        LearningRate = 1U << 4U,
        Sweep = 1U << 5U,
    };

    explicit RunStore(QObject* parent = nullptr);

    // Adds every run `controller` queues from now on and keeps it up to date, through the
    // three calls below.
    void follow(TrainingController& controller);

    // A run that will train: queued, with an empty history.
    void addQueuedRun(core::RunId id, const core::RunConfig& config);
    // New records of an unfinished run, in epoch order, continuing its history.
    void appendRecords(core::RunId id, const std::vector<core::EpochRecord>& records);
    void finishRun(core::RunId id, const RunOutcome& outcome);
    // A finished run queued again to train on up to config.epochs (TrainingController::
    // continueRun); its history is kept and grows on.
    void continueRun(core::RunId id, const core::RunConfig& config);

    // A run trained elsewhere (a runs CSV, a session, a finished CLI run, an imported curve),
    // whole. Its id must be new and larger than every id in the store; returns it.
    core::RunId addFinishedRun(Run run);

    const std::vector<Run>& runs() const { return runs_; }
    const Run* run(core::RunId id) const;
    int indexOf(core::RunId id) const;  // -1 when unknown
    bool empty() const { return runs_.empty(); }
    // Runs whose history is still growing (queued, training or paused).
    int unfinishedCount() const;

    void setName(core::RunId id, const QString& name);
    void setColour(core::RunId id, const QColor& colour);
    void setVisible(core::RunId id, bool visible);
    void setSweep(core::RunId id, int sweep);
    // The largest Run::sweep in the store (0 when no run belongs to a sweep).
    int lastSweep() const;

    // Forgets the runs and returns them as they were (for undo); training runs must have been
    // removed from the controller first.
    std::vector<Run> take(const std::vector<core::RunId>& ids);
    std::vector<Run> takeAll();
    // Puts taken runs back (finished: a run that was training comes back stopped).
    void restore(std::vector<Run> runs);

signals:
    void runAdded(lrscope::core::RunId id);
    // history[first, first + count) are new.
    void recordsAppended(lrscope::core::RunId id, int first, int count);
    void runChanged(lrscope::core::RunId id, unsigned what);
    void runRemoved(lrscope::core::RunId id);
    void cleared();

private:
    Run* find(core::RunId id);
    void moveTo(Run& run, RunState state);
    void insertSorted(Run run);

    std::vector<Run> runs_;  // in id (= start) order
    int nextColour_ = 0;
};

}  // namespace lrscope::ui
