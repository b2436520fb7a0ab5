#pragma once

#include <functional>
#include <optional>

#include <QObject>

#include "core/training/epoch_record.hpp"

class QAction;
class QWidget;

namespace lrscope::ui {

class RunSelection;
class RunStore;
class TrainingController;
struct Run;

// "Continue for N more epochs...": the selected run, done or stopped in this window, trains on
// for N more epochs as the same run. Its history goes on and its optimizer state is kept, so
// the curve is the one a single longer run would have drawn. Runs read from files (no
// optimizer state) and diverged runs cannot continue; the action is disabled for them and its
// tooltip says why.
class ContinueRunCommand : public QObject {
    Q_OBJECT
public:
    ContinueRunCommand(RunStore& store, TrainingController& controller,
                       const RunSelection& selection, QWidget* window);

    QAction* action() const { return action_; }
    // Why `run` cannot continue now, or empty when it can.
    static QString whyNot(const Run* run);
    // Queues run `id` for `moreEpochs` more epochs; false (and nothing changes) when it cannot.
    bool continueRun(core::RunId id, int moreEpochs);

    // How many more epochs to train (nullopt: cancelled); default: an input dialog. Tests
    // answer without one.
    using AskEpochs = std::function<std::optional<int>(const Run& run)>;
    void setAskEpochs(AskEpochs ask) { ask_ = std::move(ask); }

signals:
    void message(const QString& text, int timeoutMs);

private:
    void onTriggered();
    void refresh();

    RunStore& store_;
    TrainingController& controller_;
    const RunSelection& selection_;
    QWidget* window_;
    QAction* action_;
    AskEpochs ask_;
};

}  // namespace lrscope::ui
