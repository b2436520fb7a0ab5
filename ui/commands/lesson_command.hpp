#pragma once

#include <vector>

#include <QObject>

#include "core/analysis/lesson_rates.hpp"
#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"

class QAction;

namespace lrscope::ui {

class ControlPanel;
class RangeTestJob;
class RunStore;
class TrainingController;

// The lesson in one click (Help > "Show me: too low, just right, too high"): a quick range
// test on the panel's settings (on a RangeTestJob, never touching other runs) picks three
// rates (core::lessonRates), then three runs train side by side through the controller, as
// Train would start them, named for what each shows. They train at the toolbar's pace.
class LessonCommand : public QObject {
    Q_OBJECT
public:
    LessonCommand(RunStore& store, TrainingController& controller, ControlPanel& panel,
                  QObject* parent);

    QAction* action() const { return action_; }
    // Starts the lesson (false, with a message, when the panel's settings are invalid).
    bool start();
    bool isPicking() const;  // its range test runs
    // The runs of the last lesson: too low, just right, too high.
    const std::vector<core::RunId>& runs() const { return runs_; }

signals:
    void message(const QString& text, int timeoutMs);
    // The three runs are queued (runs() holds them).
    void lessonStarted();

private:
    void onTestFinished(int job, const core::RangeTestResult& result,
                        const core::LrSuggestions& suggestions);

    RunStore& store_;
    TrainingController& controller_;
    ControlPanel& panel_;
    RangeTestJob* job_;
    QAction* action_;
    int jobId_ = 0;
    core::RangeTestSettings settings_;
    core::RunConfig config_;  // the panel's settings when the lesson started
    std::vector<core::RunId> runs_;
};

}  // namespace lrscope::ui
