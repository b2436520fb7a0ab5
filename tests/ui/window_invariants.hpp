#pragma once

// What must hold in a MainWindow after every user action, whatever the order of actions and
// whenever records arrive: used by the stress driver (stress.cpp).

#include <map>
#include <set>
#include <string>

#include <QObject>

#include "core/training/epoch_record.hpp"
#include "ui/runs/run_state.hpp"

namespace lrscope::ui {
class MainWindow;
}

namespace lrscope::test {

// Follows one window's store and controller from its construction on (build it right after
// the window, before any run exists) and checks, as signals arrive and in check():
// - every run is listed once: store ids strictly increasing, the signals' account of which runs
//   exist matches the store, the run list's rows are the store's runs in order;
// - each run's state moved only along ui::isLegalTransition; a run that comes back (undo) comes
//   back finished: as it was, or stopped if it was unfinished;
// - histories are contiguous from epoch 0, every append was signalled, a finished run never
//   grows, a done run holds all its epochs and a diverged one those before the divergence;
// - every curves view draws exactly the store's runs (no graphs for removed runs), with their
//   colour, visibility and live-rate markers;
// - the controller knows no run the store does not, every unfinished run is active there and
//   paused there exactly when the store says paused; it delivers no records for removed runs;
// - the selection holds existing runs only; the actions are enabled as the runs allow;
// - the decision boundary, network and test-with-input views show the selected run (the
//   newest while none is), and final weights drawn are that run's.
class WindowInvariants {
public:
    explicit WindowInvariants(ui::MainWindow& window);

    // The first violation seen so far (by a signal, or by this full check); empty when none.
    std::string check();
    // How often runs entered each state (for the stress driver's summary of what it exercised).
    const std::map<ui::RunState, long>& statesEntered() const { return entered_; }

private:
    void note(const std::string& what);
    void onRunAdded(core::RunId id);
    void onStateChanged(core::RunId id);
    void onRecordsAppended(core::RunId id, int first, int count);
    void onRunRemoved(core::RunId id);
    std::string checkStore();
    std::string checkRunList();
    std::string checkPlots();
    std::string checkController();
    std::string checkSelectionAndActions();
    std::string checkWeightViews();

    ui::MainWindow& window_;
    QObject context_;  // owns the connections: they end with this object
    std::string first_;
    core::RunId highestId_ = 0;
    std::set<core::RunId> present_;                // runs the signals said exist
    std::map<core::RunId, ui::RunState> state_;    // last state signalled, removed runs too
    std::map<core::RunId, std::size_t> size_;      // history length signalled
    std::map<core::RunId, std::size_t> finished_;  // history length when first seen finished
    std::map<ui::RunState, long> entered_;
};

}  // namespace lrscope::test
