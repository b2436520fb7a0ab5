// stress --seed N --actions K
//
// Drives a real MainWindow (offscreen, 2 training threads, settings in a temporary ini file)
// through K random user actions drawn from std::mt19937_64 seeded with N: Train with random
// small configs, pause / resume, step, stop, stop all, a live learning rate, delete, clear all,
// undo, recolour, rename, hide / show, select, pace, close-and-reopen, save / open / new
// session and importing a curve. Between actions the
// event loop runs for a random short while, so records arrive at random moments. After every
// action WindowInvariants checks the window; the first violation ends the run.
//
// The last line printed is "K actions, 0 violations" (exit 0), or the first violation: its
// action number, the action and what was wrong (exit 1), after the actions that led to it.
// Bad flags exit 2 with a one-line message. The seed fixes the actions, not the moments the
// training threads deliver their records, so a seed explores a different interleaving each run.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/io/run_config_json.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/run_config.hpp"
#include "ui/commands/continue_run_command.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/run_list/run_list_page.hpp"
#include "ui/views/sweep/sweep_view.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/training_toolbar.hpp"
#include "window_invariants.hpp"

using namespace lrscope;

namespace {

constexpr unsigned kThreads = 2;
constexpr std::size_t kMaxRuns = 8;  // Train is left out while the store holds this many
constexpr int kMaxEpochs = 3000;
constexpr int kMaxSettleMs = 25;           // longest the event loop runs between two actions
constexpr std::size_t kActionsShown = 12;  // actions printed before a violation
constexpr long kMaxActions = 100'000'000;

struct Options {
    std::uint64_t seed = 0;
    long actions = 0;
};

template <typename Number>
bool parseNumber(std::string_view text, Number& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && !text.empty();
}

// Reads "--seed N --actions K" (in either order); nullopt after printing why not.
std::optional<Options> parseOptions(int argc, char** argv) {
    constexpr const char* kUsage = "usage: stress --seed N --actions K";
    Options options;
    bool seed = false;
    bool actions = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag != "--seed" && flag != "--actions") {
            std::cerr << "stress: unknown argument '" << flag << "'; " << kUsage << "\n";
            return std::nullopt;
        }
        if (i + 1 >= argc) {
            std::cerr << "stress: " << flag << ": missing value; " << kUsage << "\n";
            return std::nullopt;
        }
        const std::string_view value = argv[++i];
        if (flag == "--seed") {
            if (!parseNumber(value, options.seed)) {
                std::cerr << "stress: --seed: '" << value
                          << "': expected an integer 0 <= N < 2^64\n";
                return std::nullopt;
            }
            seed = true;
        } else {
            if (!parseNumber(value, options.actions) || options.actions < 1 ||
                options.actions > kMaxActions) {
                std::cerr << "stress: --actions: '" << value
                          << "': expected an integer 1 <= K <= " << kMaxActions << "\n";
                return std::nullopt;
            }
            actions = true;
        }
    }
    if (!seed || !actions) {
        std::cerr << "stress: " << (seed ? "--actions" : "--seed") << " is required; " << kUsage
                  << "\n";
        return std::nullopt;
    }
    return options;
}

enum class Action {
    Train,
    Sweep,
    Fold,
    Continue,
    PauseResume,
    Step,
    Stop,
    StopAll,
    LiveRate,
    Delete,
    ClearAll,
    Undo,
    Recolour,
    Rename,
    HideShow,
    Select,
    Pace,
    CloseAndReopen,
    SaveSession,
    OpenSession,
    NewSession,
    ImportCurve,
};

// Every row of the run list: top-level rows and the runs under a sweep's row.
std::vector<QModelIndex> listedRows(const ui::RunListModel& model) {
    std::vector<QModelIndex> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex top = model.index(row, 0);
        rows.push_back(top);
        for (int child = 0; child < model.rowCount(top); ++child) {
            rows.push_back(model.index(child, 0, top));
        }
    }
    return rows;
}

struct Weighted {
    Action action;
    const char* name;
    double weight;
};

// How often each action is drawn, relative to the others.
constexpr Weighted kActions[] = {
    {Action::Train, "train", 14},
    {Action::Sweep, "sweep", 2},
    {Action::Fold, "fold/unfold a sweep", 2},
    {Action::Continue, "continue", 3},
    {Action::PauseResume, "pause/resume", 8},
    {Action::Step, "step", 6},
    {Action::Stop, "stop", 4},
    {Action::StopAll, "stop all", 2},
    {Action::LiveRate, "live rate", 6},
    {Action::Delete, "delete", 4},
    {Action::ClearAll, "clear all", 2},
    {Action::Undo, "undo", 4},
    {Action::Recolour, "recolour", 3},
    {Action::Rename, "rename", 2},
    {Action::HideShow, "hide/show", 4},
    {Action::Select, "select", 8},
    {Action::Pace, "pace", 3},
    {Action::CloseAndReopen, "close and reopen", 1},
    {Action::SaveSession, "save session", 2},
    {Action::OpenSession, "open session", 2},
    {Action::NewSession, "new session", 1},
    {Action::ImportCurve, "import curve", 1},
};

class Stress {
public:
    explicit Stress(std::uint64_t seed) : rng_(seed) { openWindow(); }
    ~Stress() { closeWindow(); }
    Stress(const Stress&) = delete;
    Stress& operator=(const Stress&) = delete;

    // Runs `count` actions; the first violation, or empty.
    std::string run(long count) {
        for (long n = 1; n <= count; ++n) {
            const Weighted& chosen = drawAction();
            wrongAction_.clear();
            std::string detail = perform(chosen.action);
            remember(n, chosen.name, detail);
            std::string wrong = wrongAction_.empty() ? invariants_->check() : wrongAction_;
            if (wrong.empty()) {
                settle();
                wrong = invariants_->check();
            }
            if (!wrong.empty()) {
                return "action " + std::to_string(n) + " (" + chosen.name +
                       (detail.empty() ? "" : ": " + detail) + "): " + wrong;
            }
        }
        return {};
    }

    const std::deque<std::string>& recentActions() const { return recent_; }

    // What the actions exercised, in one line.
    std::string summary() {
        std::map<ui::RunState, long> entered = entered_;
        for (const auto& [state, count] : invariants_->statesEntered()) {
            entered[state] += count;
        }
        std::string out = std::to_string(started_) + " runs started";
        for (const ui::RunState state :
             {ui::RunState::Paused, ui::RunState::Done, ui::RunState::Stopped,
              ui::RunState::Diverged, ui::RunState::Failed}) {
            out +=
                ", " + std::to_string(entered[state]) + " " + ui::runStateName(state).toStdString();
        }
        return out + ", " + std::to_string(liveChanges_) + " live rate changes, " +
               std::to_string(deleted_) + " runs deleted, " + std::to_string(reopened_) +
               " windows reopened";
    }

private:
    ui::MainWindow& window() { return *window_; }
    ui::RunStore& store() { return window_->store(); }
    ui::RunSelection& selection() { return window_->selection(); }
    ui::RunCommands& commands() { return window_->commands(); }
    ui::RunListView& runList() {
        return *dynamic_cast<ui::RunListPage&>(*window_->view(QStringLiteral("runs"))).list();
    }

    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
    double uniformReal(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(rng_);
    }
    double logUniform(double low, double high) {
        return std::exp(uniformReal(std::log(low), std::log(high)));
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
    }

    long savedRuns_ = -1;  // runs in the last saved session, -1 before any save

    void openWindow() {
        window_ = std::make_unique<ui::MainWindow>(
            std::make_unique<ui::PresetStore>(dir_.filePath(QStringLiteral("settings.ini"))),
            kThreads);
        window_->show();
        commands().setConfirm([this](const QString&, const QString&) { return chance(0.8); });
        window_->sessions().setShowError([this](const QString&, const QString& text) {
            wrongAction_ = "message: " + text.toStdString();
        });
        window_->sessions().setAskToSave([this](const QString&) {
            return chance(0.8) ? ui::SessionActions::SaveChoice::Discard
                               : ui::SessionActions::SaveChoice::Cancel;
        });
        invariants_ = std::make_unique<test::WindowInvariants>(*window_);
    }

    void closeWindow() {
        for (const auto& [state, count] : invariants_->statesEntered()) {
            entered_[state] += count;
        }
        invariants_.reset();
        window_.reset();
    }

    const Weighted& drawAction() {
        std::vector<double> weights;
        for (const Weighted& w : kActions) {
            const bool full = w.action == Action::Train && store().runs().size() >= kMaxRuns;
            weights.push_back(full ? 0.0 : w.weight);
        }
        std::discrete_distribution<std::size_t> draw(weights.begin(), weights.end());
        return kActions[draw(rng_)];
    }

    std::vector<core::RunId> ids() {
        std::vector<core::RunId> out;
        for (const ui::Run& run : store().runs()) {
            out.push_back(run.id);
        }
        return out;
    }

    // Each run with probability 1/2 (possibly none).
    std::vector<core::RunId> someRuns() {
        std::vector<core::RunId> out;
        for (const core::RunId id : ids()) {
            if (chance(0.5)) {
                out.push_back(id);
            }
        }
        return out;
    }

    // Selects some runs (or none), as clicks in the run list or through the shared selection.
    std::string selectSome() {
        if (!store().empty() && chance(0.5)) {
            // A click on a row: a run, or a sweep's row (which selects all of its runs).
            const ui::RunListModel& model = *runList().model();
            const std::vector<QModelIndex> rows = listedRows(model);
            const int row = uniform(0, static_cast<int>(rows.size()) - 1);
            runList().tree()->selectionModel()->select(
                rows[static_cast<std::size_t>(row)],
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return "row " + std::to_string(row);
        }
        std::vector<core::RunId> chosen = someRuns();
        const core::RunId current = chosen.empty() ? 0 : pick(chosen);
        selection().select(chosen, current);
        std::string out = "runs";
        for (const core::RunId id : chosen) {
            out += " " + std::to_string(id);
        }
        return chosen.empty() ? "none" : out;
    }

    core::RunConfig randomConfig() {
        static const std::vector<std::string> kSets = {"xor",   "circles",       "spiral",
                                                       "blobs", "moons",         "sine",
                                                       "iris",  "breast_cancer", "digits"};
        static const std::vector<long> kBatches = {0, 1, 4, 10, 32, 64};
        // 0.004 leaves sets of fewer than 125 samples without a test sample: such a run fails as
        // it starts.
        static const std::vector<double> kTestFractions = {0.0, 0.2, 0.3, 0.004};
        core::RunConfig config;
        config.data.dataset = pick(kSets);
        config.data.samples = uniform(40, 300);
        config.data.noise = uniformReal(0.0, 0.3);
        config.data.testFraction = pick(kTestFractions);
        if (config.data.dataset == "sine") {
            config.data.task = core::Task::Regress;
            config.loss = core::LossKind::Mse;
        } else {
            config.loss = chance(0.7) ? core::LossKind::CrossEntropy : core::LossKind::Mse;
        }
        config.hiddenLayers.clear();
        for (int layers = uniform(0, 2); layers > 0; --layers) {
            config.hiddenLayers.push_back(uniform(2, 12));
        }
        config.activation = static_cast<core::Activation>(uniform(0, 4));
        config.optimizer = core::defaultsFor(core::kAllOptimizers[uniform(
            0, static_cast<int>(std::size(core::kAllOptimizers)) - 1)]);
        config.optimizer.lr = logUniform(1e-4, 30.0);
        config.batchSize = pick(kBatches);
        config.epochs = static_cast<int>(std::lround(logUniform(1.0, kMaxEpochs)));
        // The panel's seed field takes 0..2^53 (every such seed survives its text round trip).
        config.seed = rng_() >> 11U;
        return config;
    }

    std::string perform(Action action) {
        switch (action) {
            case Action::Train: {
                const core::RunConfig config = randomConfig();
                if (const QString error = window().panel().setConfig(config); !error.isEmpty()) {
                    wrongAction_ = "the panel refused " + core::runConfigToJsonText(config) + ": " +
                                   error.toStdString();
                    return config.data.dataset;
                }
                if (!window().panel().config()) {
                    wrongAction_ = "the panel took the settings but then finds them invalid: " +
                                   window().panel().invalidReason().toStdString();
                    return config.data.dataset;
                }
                const std::size_t before = store().runs().size();
                commands().trainAction()->trigger();
                if (store().runs().size() != before + 1) {
                    wrongAction_ = "Train did not add a run";
                }
                ++started_;
                return config.data.dataset + ", " + std::to_string(config.epochs) + " epochs, lr " +
                       std::to_string(config.optimizer.lr);
            }
            case Action::Sweep: {
                const core::RunConfig config = randomConfig();
                if (const QString error = window().panel().setConfig(config); !error.isEmpty()) {
                    wrongAction_ = "the panel refused " + core::runConfigToJsonText(config) + ": " +
                                   error.toStdString();
                    return config.data.dataset;
                }
                auto& sweep = dynamic_cast<ui::SweepView&>(*window().view(QStringLiteral("sweep")));
                ui::SweepRequest request;
                request.optimizers = {config.optimizer.kind};
                request.minLr = config.optimizer.lr / 10.0;
                request.maxLr = std::min(config.optimizer.lr * 10.0, core::kMaxLearningRate);
                request.count = uniform(1, 3);
                const std::size_t before = store().runs().size();
                const std::vector<core::RunId> ids = sweep.startSweep(request);
                if (store().runs().size() != before + static_cast<std::size_t>(request.count) ||
                    ids.size() != static_cast<std::size_t>(request.count)) {
                    wrongAction_ = "a sweep of " + std::to_string(request.count) + " rates added " +
                                   std::to_string(store().runs().size() - before) + " runs";
                }
                started_ += static_cast<long>(ids.size());
                return config.data.dataset + ", " + std::to_string(request.count) + " rates";
            }
            case Action::Fold: {
                const ui::RunListModel& model = *runList().model();
                std::vector<QModelIndex> sweeps;
                for (int row = 0; row < model.rowCount(); ++row) {
                    if (model.sweepAt(model.index(row, 0)) != 0) {
                        sweeps.push_back(model.index(row, 0));
                    }
                }
                if (sweeps.empty()) {
                    return "no sweep";
                }
                const QModelIndex at = pick(sweeps);
                QTreeView& tree = *runList().tree();
                tree.setExpanded(at, !tree.isExpanded(at));
                return "sweep " + std::to_string(model.sweepAt(at));
            }
            case Action::Continue: {
                if (store().empty()) {
                    return "no run";
                }
                auto* command = window().findChild<ui::ContinueRunCommand*>();
                const core::RunId id = pick(ids());
                const ui::Run before = *store().run(id);
                const int more = uniform(1, 20);
                const bool can = ui::ContinueRunCommand::whyNot(&before).isEmpty();
                const bool continued = command->continueRun(id, more);
                const ui::Run& after = *store().run(id);
                if (continued != can) {
                    wrongAction_ = "Continue " + std::string(continued ? "took" : "refused") +
                                   " a run it should have " + (can ? "taken" : "refused");
                } else if (continued && (after.config.epochs != before.resumeState->epoch + more ||
                                         isFinished(after.state))) {
                    wrongAction_ = "a continued run plans " + std::to_string(after.config.epochs) +
                                   " epochs in state " +
                                   ui::runStateName(after.state).toStdString();
                } else if (!continued && (after.config.epochs != before.config.epochs ||
                                          after.state != before.state)) {
                    wrongAction_ = "a refused Continue changed the run";
                }
                if (continued) {
                    ++started_;
                }
                return "run " + std::to_string(id) + (continued ? ", +" : ", refused +") +
                       std::to_string(more);
            }
            case Action::PauseResume:
            case Action::Step:
            case Action::Stop: {
                std::string what = chance(0.7) ? selectSome() : std::string("as selected");
                QAction* command = action == Action::PauseResume ? commands().pauseAction()
                                   : action == Action::Step      ? commands().stepAction()
                                                                 : commands().stopAction();
                command->trigger();  // a disabled action does nothing, as for the user
                return what + ", target " + std::to_string(commands().targetRun());
            }
            case Action::StopAll:
                commands().stopAllAction()->trigger();
                return {};
            case Action::LiveRate: {
                std::string what = "no run";
                if (!store().empty()) {
                    const core::RunId id = pick(ids());
                    selection().selectOnly(id);
                    what = "run " + std::to_string(id);
                }
                const double lr = logUniform(1e-4, 30.0);
                const QString entered = QString::number(lr, 'g', 3);
                liveChanges_ += commands().liveRun() != 0 ? 1 : 0;
                ui::LogSlider* slider = window().panel().learningRatePanel()->slider();
                slider->entry()->setText(entered);
                QTest::keyClick(slider->entry(), Qt::Key_Return);
                const bool valid = window().panel().config().has_value();
                return what + ", lr " + entered.toStdString() + (valid ? "" : " (refused)");
            }
            case Action::Delete: {
                std::string what = selectSome();
                const std::vector<core::RunId> doomed = selection().selected();
                deleted_ += static_cast<long>(doomed.size());
                for (QPushButton* button : runList().findChildren<QPushButton*>()) {
                    if (button->text() == QStringLiteral("Delete")) {
                        button->click();
                    }
                }
                for (const core::RunId id : doomed) {
                    if (store().run(id) != nullptr && wrongAction_.empty()) {
                        wrongAction_ = "selected run " + std::to_string(id) + " was not deleted";
                    }
                }
                return what;
            }
            case Action::ClearAll:
                commands().clearAllAction()->trigger();
                return {};
            case Action::Undo:
                commands().undoAction()->trigger();
                return {};
            case Action::Recolour: {
                if (store().empty()) {
                    return "no run";
                }
                // What the colour dialog answers when the user picks a colour.
                const core::RunId id = pick(ids());
                store().setColour(
                    id, QColor::fromHsv(uniform(0, 359), uniform(80, 255), uniform(80, 255)));
                return "run " + std::to_string(id);
            }
            case Action::Rename:
            case Action::HideShow: {
                if (store().empty()) {
                    return "no run";
                }
                ui::RunListModel& model = *runList().model();
                const std::vector<QModelIndex> rows = listedRows(model);
                const int row = uniform(0, static_cast<int>(rows.size()) - 1);
                const QModelIndex at = rows[static_cast<std::size_t>(row)];
                if (action == Action::Rename) {
                    model.setData(at.siblingAtColumn(ui::RunListModel::Name),
                                  QStringLiteral("run %1").arg(uniform(0, 99)), Qt::EditRole);
                } else {
                    const QModelIndex box = at.siblingAtColumn(ui::RunListModel::Visible);
                    const bool checked = box.data(Qt::CheckStateRole).toInt() == Qt::Checked;
                    model.setData(box, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
                }
                return "row " + std::to_string(row);
            }
            case Action::Select:
                return selectSome();
            case Action::Pace: {
                auto* pace = window().toolBar().findChild<QComboBox*>();
                pace->setCurrentIndex(uniform(0, pace->count() - 1));
                return pace->currentText().toStdString();
            }
            case Action::CloseAndReopen:
                return closeAndReopen();
            case Action::SaveSession:
                return saveSession();
            case Action::OpenSession:
                return openSession();
            case Action::NewSession:
                window().sessions().newSession();
                return {};
            case Action::ImportCurve: {
                const auto before = store().runs().size();
                if (!window().sessions().importFile(QStringLiteral(LRSCOPE_TEST_DATA_DIR
                                                                   "/data/import/good/"
                                                                   "run-train-tag-loss.csv"))) {
                    wrongAction_ = "a good TensorBoard download was not imported";
                } else if (store().runs().size() != before + 1) {
                    wrongAction_ = "an import added other than one run";
                }
                return {};
            }
        }
        return {};
    }

    // Saves the session (runs still training are stored stopped); remembers how many runs it
    // holds for the next open.
    std::string saveSession() {
        const QString path = dir_.filePath(QStringLiteral("stress.lrscope"));
        if (!window().sessions().saveTo(path)) {
            wrongAction_ = "saving the session failed: " + wrongAction_;
            return {};
        }
        savedRuns_ = static_cast<long>(store().runs().size());
        return std::to_string(savedRuns_) + " runs";
    }

    // Opens the last saved session, replacing every run, training ones too.
    std::string openSession() {
        if (savedRuns_ < 0) {
            return "nothing saved yet";
        }
        if (!window().sessions().openFile(dir_.filePath(QStringLiteral("stress.lrscope")))) {
            wrongAction_ = "the saved session did not open";
        } else if (static_cast<long>(store().runs().size()) != savedRuns_) {
            wrongAction_ = "the opened session holds " + std::to_string(store().runs().size()) +
                           " runs, saved " + std::to_string(savedRuns_);
        } else if (window().isWindowModified()) {
            wrongAction_ = "a session just opened shows unsaved runs";
        }
        return std::to_string(savedRuns_) + " runs";
    }

    // Closes the window (the question, if any, answered at random); when it closed, destroys it
    // and builds a new one on the same settings file, which must show the last panel state and
    // no runs.
    std::string closeAndReopen() {
        const auto& config = window().panel().config();
        const std::string state = config ? core::runConfigToJsonText(*config) : std::string();
        const std::string reason = window().panel().invalidReason().toStdString();
        if (!window().close()) {
            return "cancelled";
        }
        // An invalid panel state is not saved: the one saved before comes back.
        if (!state.empty()) {
            savedState_ = state;
        }
        closeWindow();
        openWindow();
        ++reopened_;
        const auto& restored = window().panel().config();
        const std::string now = restored ? core::runConfigToJsonText(*restored) : std::string();
        if (!store().empty()) {
            wrongAction_ = "the new window starts with runs";
        } else if (!savedState_.empty() && now != savedState_) {
            wrongAction_ =
                "the new window's panel shows " + now + " instead of the last state " + savedState_;
        }
        return state.empty() ? "reopened after closing with an invalid panel (" + reason + ")"
                             : "reopened";
    }

    // Lets the event loop (and with it the 30 Hz drain) run for a random short while.
    void settle() {
        switch (uniform(0, 5)) {
            case 0:
                break;
            case 1:
                QCoreApplication::processEvents();
                break;
            case 2:
                window().controller().drain();
                break;
            default:
                // Lets records arrive at a random moment between actions; the invariants, not
                // this wait, are what is checked.
                QTest::qWait(uniform(1, kMaxSettleMs));
                break;
        }
    }

    void remember(long n, const char* name, const std::string& detail) {
        recent_.push_back(std::to_string(n) + " " + name + (detail.empty() ? "" : ": " + detail));
        if (recent_.size() > kActionsShown) {
            recent_.pop_front();
        }
    }

    std::mt19937_64 rng_;
    QTemporaryDir dir_;
    std::unique_ptr<ui::MainWindow> window_;
    std::unique_ptr<test::WindowInvariants> invariants_;
    std::deque<std::string> recent_;
    std::string wrongAction_;               // what an action itself found wrong
    std::string savedState_;                // the panel state the last close saved, as JSON
    std::map<ui::RunState, long> entered_;  // of the windows closed so far
    long started_ = 0;
    long liveChanges_ = 0;
    long deleted_ = 0;
    long reopened_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parseOptions(argc, argv);
    if (!options) {
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    std::string violation;
    {
        Stress stress(options->seed);
        violation = stress.run(options->actions);
        std::cout << stress.summary() << "\n";
        if (!violation.empty()) {
            for (const std::string& line : stress.recentActions()) {
                std::cout << line << "\n";
            }
        }
    }
    if (!violation.empty()) {
        std::cout << violation << std::endl;
        return 1;
    }
    std::cout << options->actions << " actions, 0 violations" << std::endl;
    return 0;
}
