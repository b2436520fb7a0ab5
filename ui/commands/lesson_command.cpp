#include "ui/commands/lesson_command.hpp"

#include <QAction>

#include "ui/panels/control_panel.hpp"
#include "ui/runs/range_test_job.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

LessonCommand::LessonCommand(RunStore& store, TrainingController& controller, ControlPanel& panel,
                             QObject* parent)
    : QObject(parent),
      store_(store),
      controller_(controller),
      panel_(panel),
      job_(new RangeTestJob(this)),
      action_(new QAction(tr("&Show me: too low, just right, too high"), this)) {
    action_->setToolTip(
        tr("Train three runs with the panel's settings at a rate that is too "
           "low, one that is right and one that is too high, side by side"));
    connect(action_, &QAction::triggered, this, [this] { start(); });
    connect(job_, &RangeTestJob::finished, this, &LessonCommand::onTestFinished);
    connect(job_, &RangeTestJob::failed, this, [this](int job, const QString& text) {
        if (job == jobId_) {
            emit message(tr("The lesson could not start: %1").arg(text), 10000);
        }
    });
}

bool LessonCommand::isPicking() const {
    return job_->isRunning();
}

bool LessonCommand::start() {
    const auto& config = panel_.config();
    if (!config) {
        emit message(tr("Cannot show the lesson — %1").arg(panel_.invalidReason()), 8000);
        return false;
    }
    emit message(tr("Finding the rates: a quick range test on the panel's settings..."), 4000);
    config_ = *config;  // the runs train what was tested, whatever the panel shows meanwhile
    jobId_ = job_->start(config_, settings_);
    return true;
}

void LessonCommand::onTestFinished(int job, const core::RangeTestResult& result,
                                   const core::LrSuggestions& suggestions) {
    if (job != jobId_) {
        return;
    }
    std::string reason;
    const auto rates = core::lessonRates(result, suggestions, settings_, &reason);
    if (!rates) {
        emit message(tr("The range test found no good rate for these settings (%1); try "
                        "another optimizer or more data.")
                         .arg(QString::fromStdString(reason)),
                     12000);
        return;
    }
    // Each name says what the curve will show, so the legend tells the story.
    const std::pair<double, QString> lessons[] = {
        {rates->tooLow, tr("too low: creeps down")},
        {rates->justRight, tr("just right: falls fast and settles")},
        {rates->tooHigh, tr("too high: jumps or blows up")},
    };
    runs_.clear();
    for (const auto& [lr, story] : lessons) {
        core::RunConfig run = config_;
        run.optimizer.lr = lr;
        const core::RunId id = controller_.start(run);
        store_.setName(id, QStringLiteral("%1  lr=%2 — %3")
                               .arg(optimizerLabel(run.optimizer.kind), compactNumber(lr), story));
        runs_.push_back(id);
    }
    const bool tookOff = result.stop == core::RangeTestStop::Diverged ||
                         result.stop == core::RangeTestStop::NonFinite;
    emit message(tr("Lesson: %1 is the range test's valley, %2 is 30x lower, %3 is %4.")
                     .arg(compactNumber(rates->justRight), compactNumber(rates->tooLow),
                          compactNumber(rates->tooHigh),
                          tookOff ? tr("just past where the test's loss took off")
                                  : tr("the test's highest rate")),
                 15000);
    emit lessonStarted();
}

}  // namespace lrscope::ui
