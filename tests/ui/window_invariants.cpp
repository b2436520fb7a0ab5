#include "window_invariants.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <vector>

#include <QAction>

#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/boundary/boundary_view.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/network/network_view.hpp"
#include "ui/views/run_list/run_list_page.hpp"
#include "ui/views/test_input/test_input_view.hpp"
#include "ui/widgets/network_diagram.hpp"
#include "ui/window/main_window.hpp"

namespace lrscope::test {

namespace {

// RunPlot draws each run with three graphs: train, test and the divergence cross.
constexpr int kGraphsPerRun = 3;

std::string name(ui::RunState state) {
    return ui::runStateName(state).toStdString();
}

// Builds a message from anything streamable: text("run ", id, ": ...").
template <typename... Parts>
std::string text(const Parts&... parts) {
    std::ostringstream out;
    (out << ... << parts);
    return out.str();
}

}  // namespace

WindowInvariants::WindowInvariants(ui::MainWindow& window) : window_(window) {
    ui::RunStore& store = window.store();
    for (const ui::Run& run : store.runs()) {
        onRunAdded(run.id);
    }
    QObject::connect(&store, &ui::RunStore::runAdded, &context_,
                     [this](core::RunId id) { onRunAdded(id); });
    QObject::connect(&store, &ui::RunStore::runChanged, &context_,
                     [this](core::RunId id, unsigned what) {
                         if ((what & ui::RunStore::State) != 0U) {
                             onStateChanged(id);
                         }
                     });
    QObject::connect(
        &store, &ui::RunStore::recordsAppended, &context_,
        [this](core::RunId id, int first, int count) { onRecordsAppended(id, first, count); });
    QObject::connect(&store, &ui::RunStore::runRemoved, &context_,
                     [this](core::RunId id) { onRunRemoved(id); });
    QObject::connect(&store, &ui::RunStore::cleared, &context_, [this] { present_.clear(); });
    // Connected after the store's own slot, so the store has taken the records already.
    QObject::connect(&window.controller(), &ui::TrainingController::recordsArrived, &context_,
                     [this](core::RunId id, const std::vector<core::EpochRecord>&) {
                         if (window_.store().run(id) == nullptr) {
                             note(text("the controller delivered records of run ", id,
                                       ", which the store does not hold"));
                         }
                     });
}

void WindowInvariants::note(const std::string& what) {
    if (first_.empty()) {
        first_ = what;
    }
}

void WindowInvariants::onRunAdded(core::RunId id) {
    const ui::Run* run = window_.store().run(id);
    if (run == nullptr) {
        note(text("runAdded(", id, ") for a run the store does not hold"));
        return;
    }
    if (!present_.insert(id).second) {
        note(text("run ", id, " added twice"));
    }
    const auto before = state_.find(id);
    if (before == state_.end()) {
        // A new run: a fresh id; queued with nothing trained yet when the controller trains
        // it, else (opened from a session, imported) finished with its whole history.
        if (id <= highestId_) {
            note(text("new run ", id, " does not follow run ", highestId_, " (ids are reused)"));
        }
        const bool trainedHere = window_.controller().contains(id);
        if (!trainedHere && !ui::isFinished(run->state)) {
            note(text("new run ", id, " that is not trained here starts ", name(run->state)));
        }
        if (trainedHere && (run->state != ui::RunState::Queued || !run->history.empty())) {
            note(text("new run ", id, " starts ", name(run->state), " with ", run->history.size(),
                      " records instead of queued and empty"));
        }
        highestId_ = std::max(highestId_, id);
    } else {
        // Undo brings a run back finished: as it was, or stopped when it was still going.
        const ui::RunState expected =
            ui::isFinished(before->second) ? before->second : ui::RunState::Stopped;
        if (run->state != expected) {
            note(text("run ", id, " came back ", name(run->state), " after being taken ",
                      name(before->second), " (expected ", name(expected), ")"));
        }
        if (run->history.size() != size_[id]) {
            note(text("run ", id, " came back with ", run->history.size(), " records, had ",
                      size_[id]));
        }
    }
    state_[id] = run->state;
    size_[id] = run->history.size();
}

void WindowInvariants::onStateChanged(core::RunId id) {
    const ui::Run* run = window_.store().run(id);
    if (run == nullptr) {
        note(text("state change signalled for run ", id, ", which the store does not hold"));
        return;
    }
    const ui::RunState before = state_[id];
    if (run->state != before && !ui::isLegalTransition(before, run->state)) {
        note(text("run ", id, " moved from ", name(before), " to ", name(run->state)));
    }
    if (run->state != before) {
        ++entered_[run->state];
    }
    state_[id] = run->state;
}

void WindowInvariants::onRecordsAppended(core::RunId id, int first, int count) {
    const ui::Run* run = window_.store().run(id);
    if (run == nullptr) {
        note(text("records appended to run ", id, ", which the store does not hold"));
        return;
    }
    if (ui::isFinished(state_[id])) {
        note(text("records appended to run ", id, " after it was ", name(state_[id])));
    }
    if (first < 0 || count <= 0 || static_cast<std::size_t>(first) != size_[id] ||
        run->history.size() != static_cast<std::size_t>(first) + static_cast<std::size_t>(count)) {
        note(text("run ", id, ": recordsAppended(first ", first, ", count ", count, ") after ",
                  size_[id], " records, history now ", run->history.size()));
    }
    size_[id] = run->history.size();
}

void WindowInvariants::onRunRemoved(core::RunId id) {
    if (present_.erase(id) == 0) {
        note(text("run ", id, " removed but it was not there"));
    }
    if (window_.store().run(id) != nullptr) {
        note(text("run ", id, " removed but the store still holds it"));
    }
}

std::string WindowInvariants::check() {
    for (auto part :
         {&WindowInvariants::checkStore, &WindowInvariants::checkRunList,
          &WindowInvariants::checkPlots, &WindowInvariants::checkController,
          &WindowInvariants::checkSelectionAndActions, &WindowInvariants::checkWeightViews}) {
        if (!first_.empty()) {
            break;
        }
        note((this->*part)());
    }
    return first_;
}

std::string WindowInvariants::checkStore() {
    const std::vector<ui::Run>& runs = window_.store().runs();
    std::set<core::RunId> ids;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const ui::Run& run = runs[i];
        ids.insert(run.id);
        if (i > 0 && runs[i - 1].id >= run.id) {
            return text("store ids not strictly increasing: ", runs[i - 1].id, " before ", run.id);
        }
        const auto state = state_.find(run.id);
        if (state == state_.end() || state->second != run.state) {
            return text("run ", run.id, " is ", name(run.state), " without a signal saying so");
        }
        if (run.history.size() != size_[run.id]) {
            return text("run ", run.id, " holds ", run.history.size(), " records, signals told ",
                        size_[run.id]);
        }
        for (std::size_t e = 0; e < run.history.size(); ++e) {
            const core::EpochRecord& record = run.history[e];
            if (record.epoch != static_cast<int>(e) || record.runId != run.id) {
                return text("run ", run.id, ": history[", e, "] is epoch ", record.epoch,
                            " of run ", record.runId);
            }
        }
        if (!run.importedPoints.empty()) {
            // An imported curve: points without epochs instead of a history, never trained.
            if (!run.history.empty() || !run.imported() || run.state != ui::RunState::Done) {
                return text("imported curve ", run.id, " has ", run.history.size(), " records, is ",
                            name(run.state));
            }
            continue;
        }
        const std::size_t planned = static_cast<std::size_t>(run.config.epochs) + 1;
        if (run.history.size() > planned) {
            return text("run ", run.id, " holds ", run.history.size(), " records of ", planned);
        }
        if (run.state == ui::RunState::Done && run.history.size() != planned) {
            return text("run ", run.id, " is done with ", run.history.size(), " of ", planned,
                        " records");
        }
        if (run.state == ui::RunState::Diverged &&
            (!run.divergedAt || run.history.size() != static_cast<std::size_t>(*run.divergedAt))) {
            return text("run ", run.id, " diverged at ", run.divergedAt.value_or(-1), " but holds ",
                        run.history.size(), " records");
        }
        std::size_t changes = 0;
        for (const core::EpochRecord& record : run.history) {
            changes += record.lrChangedTo ? 1U : 0U;
        }
        if (changes != run.lrChanges.size()) {
            return text("run ", run.id, " lists ", run.lrChanges.size(), " rate changes, its ",
                        "history records ", changes);
        }
        if (!ui::isFinished(run.state)) {
            finished_.erase(run.id);  // continued: it may grow again
        } else {
            const auto [at, fresh] = finished_.emplace(run.id, run.history.size());
            if (!fresh && at->second != run.history.size()) {
                return text("finished run ", run.id, " grew from ", at->second, " to ",
                            run.history.size(), " records");
            }
        }
    }
    if (ids != present_) {
        return text("the store holds ", ids.size(), " runs, its signals account for ",
                    present_.size());
    }
    return {};
}

std::string WindowInvariants::checkRunList() {
    auto* page = dynamic_cast<ui::RunListPage*>(window_.view(QStringLiteral("runs")));
    if (page == nullptr) {
        return "the window has no run list";
    }
    // Every run is listed once, under its sweep's row when it has a sweep.
    const ui::RunListModel& model = *page->list()->model();
    const std::vector<ui::Run>& runs = window_.store().runs();
    std::vector<core::RunId> listed;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex top = model.index(row, 0);
        const int sweep = model.sweepAt(top);
        if (sweep == 0) {
            listed.push_back(model.idAt(top));
            if (model.rowCount(top) != 0) {
                return text("run list row ", row, " (run ", model.idAt(top), ") has children");
            }
            continue;
        }
        if (model.rowCount(top) == 0) {
            return text("run list row ", row, " is sweep ", sweep, " without runs");
        }
        for (int child = 0; child < model.rowCount(top); ++child) {
            const core::RunId id = model.idAt(model.index(child, 0, top));
            const ui::Run* run = window_.store().run(id);
            if (run == nullptr || run->sweep != sweep) {
                return text("run list lists run ", id, " under sweep ", sweep, ", its sweep is ",
                            run == nullptr ? -1 : run->sweep);
            }
            if (model.indexOf(id) != model.index(child, ui::RunListModel::Name, top)) {
                return text("the run list does not find run ", id, " where it lists it");
            }
            listed.push_back(id);
        }
    }
    std::vector<core::RunId> sorted = listed;
    std::sort(sorted.begin(), sorted.end());
    std::vector<core::RunId> expected;
    for (const ui::Run& run : runs) {
        expected.push_back(run.id);
    }
    if (sorted != expected) {
        return text("the run list shows ", listed.size(), " runs for the store's ", runs.size());
    }
    return {};
}

std::string WindowInvariants::checkPlots() {
    const std::vector<ui::Run>& runs = window_.store().runs();
    for (const auto& view : window_.views()) {
        const auto* curves = dynamic_cast<const ui::CurvesView*>(view.get());
        if (curves == nullptr) {
            continue;
        }
        const ui::RunPlot& plot = *curves->plotView()->plot();
        const std::string where = view->key().toStdString();
        if (plot.graphCount() != kGraphsPerRun * static_cast<int>(runs.size())) {
            return text(where, " plot has ", plot.graphCount(), " graphs for ", runs.size(),
                        " runs");
        }
        for (const ui::Run& run : runs) {
            if (!plot.hasRun(run.id)) {
                return text(where, " plot does not draw run ", run.id);
            }
            const ui::CurveGraph* train = plot.trainGraph(run.id);
            if (plot.series() != ui::SeriesChoice::TestOnly && train->visible() != run.visible) {
                return text(where, " plot shows run ", run.id, " ", train->visible() ? "" : "not ",
                            "although it is ", run.visible ? "visible" : "hidden");
            }
            if (train->pen().color() != run.colour) {
                return text(where, " plot draws run ", run.id, " in ",
                            train->pen().color().name().toStdString(), ", its colour is ",
                            run.colour.name().toStdString());
            }
            // A plot marks the rate changes of a run it draws something of, else none.
            const ui::CurveGraph* primary =
                plot.series() == ui::SeriesChoice::TestOnly && plot.testGraph(run.id) != nullptr
                    ? plot.testGraph(run.id)
                    : train;
            const std::size_t marked = primary->isEmpty() ? 0 : run.lrChanges.size();
            if (plot.lrMarkers(run.id).size() != marked) {
                return text(where, " plot marks ", plot.lrMarkers(run.id).size(),
                            " rate changes of run ", run.id, ", which has ", run.lrChanges.size(),
                            primary->isEmpty() ? " but nothing drawn here" : "");
            }
            // Every record has a finite train loss, so a linear loss plot has one point each;
            // an imported curve has one per finite point.
            const auto finitePoints =
                std::count_if(run.importedPoints.begin(), run.importedPoints.end(),
                              [](const std::array<double, 2>& p) { return std::isfinite(p[1]); });
            const auto expectedPoints = run.importedPoints.empty()
                                            ? run.history.size()
                                            : static_cast<std::size_t>(finitePoints);
            if (plot.metric() == ui::PlotMetric::Loss && !plot.logY() &&
                train->pointCount() != expectedPoints) {
                return text(where, " plot has ", train->pointCount(), " points of run ", run.id,
                            ", which has ", run.history.size(), " records");
            }
        }
    }
    return {};
}

std::string WindowInvariants::checkController() {
    const ui::TrainingController& controller = window_.controller();
    const ui::RunStore& store = window_.store();
    for (const core::RunId id : controller.runIds()) {
        if (store.run(id) == nullptr) {
            return text("the controller still knows run ", id, ", which the store does not hold");
        }
    }
    for (const ui::Run& run : store.runs()) {
        if (ui::isFinished(run.state)) {
            if (controller.isActive(run.id)) {
                return text("run ", run.id, " is ", name(run.state), " but still active in the ",
                            "controller");
            }
            continue;
        }
        if (!controller.isActive(run.id)) {
            return text("run ", run.id, " is ", name(run.state), " but the controller has no ",
                        "active run of that id");
        }
        if ((run.state == ui::RunState::Paused) != controller.isPaused(run.id)) {
            return text("run ", run.id, " is ", name(run.state), " but the controller ",
                        controller.isPaused(run.id) ? "holds it" : "does not hold it");
        }
    }
    return {};
}

std::string WindowInvariants::checkSelectionAndActions() {
    const ui::RunSelection& selection = window_.selection();
    const ui::RunStore& store = window_.store();
    for (const core::RunId id : selection.selected()) {
        if (store.run(id) == nullptr) {
            return text("run ", id, " is selected but does not exist");
        }
    }
    const auto& selected = selection.selected();
    if (selection.current() != 0 &&
        std::find(selected.begin(), selected.end(), selection.current()) == selected.end()) {
        return text("the current run ", selection.current(), " is not among the selected");
    }
    if (selection.current() == 0 && !selected.empty()) {
        return "runs are selected but none is current";
    }

    const ui::RunCommands& commands = window_.commands();
    const ui::Run* target = store.run(commands.targetRun());
    const bool active = target != nullptr && !ui::isFinished(target->state);
    // Pause, Step and Stop act on the target run: enabled exactly while it is unfinished.
    const std::string targetText =
        target == nullptr ? std::string("no target run")
                          : text("target run ", target->id, " (", name(target->state), ")");
    std::string wrong;
    for (const auto& [action, label] :
         {std::pair{commands.pauseAction(), "Pause"}, std::pair{commands.stepAction(), "Step"},
          std::pair{commands.stopAction(), "Stop"}}) {
        if (wrong.empty() && action->isEnabled() != active) {
            wrong = text(label, " is ", active ? "disabled" : "enabled", " with ", targetText);
        }
    }
    if (wrong.empty() && active) {
        const bool resume = commands.pauseAction()->text().contains(QStringLiteral("Resume"));
        if (resume != (target->state == ui::RunState::Paused)) {
            wrong = text("Pause reads '", commands.pauseAction()->text().toStdString(), "' with ",
                         targetText);
        }
    }
    if (wrong.empty() && commands.stopAllAction()->isEnabled() != (store.unfinishedCount() > 0)) {
        wrong = text("Stop all is ", store.unfinishedCount() > 0 ? "disabled" : "enabled", " with ",
                     store.unfinishedCount(), " unfinished runs");
    }
    if (wrong.empty() && commands.clearAllAction()->isEnabled() == store.empty()) {
        wrong = text("Clear all is ", store.empty() ? "enabled" : "disabled", " with ",
                     store.runs().size(), " runs");
    }
    if (wrong.empty() && commands.undoAction()->isEnabled() != commands.canUndo()) {
        wrong = text("Undo is ", commands.canUndo() ? "disabled" : "enabled", " although ",
                     commands.canUndo() ? "there is" : "there is nothing", " to undo");
    }
    return wrong;
}

std::string WindowInvariants::checkWeightViews() {
    const ui::RunStore& store = window_.store();
    const core::RunId current = window_.selection().current();
    // The selection, else the newest run that has trained (is not queued, or has epochs from
    // before it was continued), else the newest run.
    core::RunId followed = current;
    if (followed == 0) {
        for (const ui::Run& run : store.runs()) {  // in id order: the last that trained wins
            if (run.state != ui::RunState::Queued || !run.history.empty()) {
                followed = run.id;
            }
        }
    }
    if (followed == 0 && !store.empty()) {
        followed = store.runs().back().id;
    }
    const auto* boundary =
        dynamic_cast<const ui::BoundaryView*>(window_.view(QStringLiteral("boundary")));
    const auto* network =
        dynamic_cast<const ui::NetworkView*>(window_.view(QStringLiteral("network")));
    const auto* input =
        dynamic_cast<const ui::TestInputView*>(window_.view(QStringLiteral("test-input")));
    if (boundary == nullptr || network == nullptr || input == nullptr) {
        return "a weight view is missing";
    }
    for (const auto& [shown, label] : {std::pair{boundary->shownRun(), "decision boundary"},
                                       std::pair{network->shownRun(), "network weights"},
                                       std::pair{input->shownRun(), "test with input"}}) {
        if (shown != followed) {
            return text("the ", label, " view shows run ", shown, " instead of run ", followed);
        }
    }
    // Final weights drawn are the run's own.
    const ui::Run* run = store.run(followed);
    const auto& drawn = network->diagram()->weights();
    if (run != nullptr && network->drawnEpoch() == -1) {
        if (!run->finalWeights || !drawn ||
            drawn->layers.size() != run->finalWeights->layers.size()) {
            return text("the network view draws final weights run ", followed, " does not have");
        }
        for (size_t l = 0; l < drawn->layers.size(); ++l) {
            if (drawn->layers[l].weight != run->finalWeights->layers[l].weight ||
                drawn->layers[l].bias != run->finalWeights->layers[l].bias) {
                return text("the network view's layer ", l, " differs from run ", followed,
                            "'s final weights");
            }
        }
    }
    return {};
}

}  // namespace lrscope::test
