#include "ui/views/range_test/range_test_view.hpp"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/runs/range_test_job.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/views/range_test/range_test_plot.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

// How tall the view grows when a test starts: a range test needs room for three labels
// above its curve.
constexpr int kRoomyTestHeight = 380;

}  // namespace

RangeTestView::RangeTestView(const ViewContext& context, QWidget* parent)
    : context_(context),
      widget_(new QWidget(parent)),
      plot_(new RangeTestPlot(widget_)),
      job_(new RangeTestJob(this)),
      status_(new QLabel(widget_)),
      run_(new QPushButton(tr("Find learning rate"), widget_)),
      cancel_(new QPushButton(tr("Cancel"), widget_)),
      clear_(new QPushButton(tr("Clear earlier"), widget_)),
      start_(new NumberField(tr("Lowest rate"), NumberField::Kind::Real, 0.0,
                             core::kMaxLearningRate, widget_)),
      end_(new NumberField(tr("Highest rate"), NumberField::Kind::Real, 0.0, core::kMaxLearningRate,
                           widget_)),
      iterations_(new QSpinBox(widget_)),
      find_(new QAction(tr("&Find learning rate"), this)) {
    const core::RangeTestSettings defaults;
    start_->setBounds(NumberField::Bound::Exclusive, NumberField::Bound::Inclusive);
    end_->setBounds(NumberField::Bound::Exclusive, NumberField::Bound::Inclusive);
    start_->setNumber(defaults.startLr);
    end_->setNumber(defaults.endLr);
    for (NumberField* field : {start_, end_}) {
        field->setMaximumWidth(80);
    }
    iterations_->setRange(1, 100000);
    iterations_->setValue(defaults.iterations);
    iterations_->setToolTip(tr("Mini-batches the test trains; the rate grows at every one"));
    widget_->setObjectName(QStringLiteral("view.range-test"));
    find_->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    find_->setToolTip(
        tr("Train one throw-away run whose rate grows every batch (the range "
           "test) and suggest a learning rate"));
    run_->setToolTip(find_->toolTip());
    cancel_->setToolTip(tr("Stop the range test"));
    clear_->setToolTip(tr("Remove the faint curves of earlier tests"));
    plot_->setEmptyMessage(
        tr("Find learning rate trains one throw-away run with the panel's settings,\n"
           "raising the rate every batch, and suggests where to train."));
    plot_->setMinimumHeight(160);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(run_);
    bar->addWidget(cancel_);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("rate from"), widget_));
    bar->addWidget(start_);
    bar->addWidget(new QLabel(tr("to"), widget_));
    bar->addWidget(end_);
    bar->addWidget(new QLabel(tr("over"), widget_));
    bar->addWidget(iterations_);
    bar->addWidget(new QLabel(tr("batches"), widget_));
    bar->addStretch(1);
    bar->addWidget(clear_);
    auto* statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(8, 0, 4, 0);
    statusRow->addWidget(status_, 1);
    static const char* const kNames[] = {"valley", "steep", "minimum"};
    for (const char* name : kNames) {
        auto* use = new QPushButton(widget_);
        use->setObjectName(QStringLiteral("use.%1").arg(QString::fromLatin1(name)));
        use->setVisible(false);
        statusRow->addWidget(use);
        use_.push_back(use);
    }
    auto* layout = new QVBoxLayout(widget_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addLayout(statusRow);
    layout->addWidget(plot_, 1);

    connect(find_, &QAction::triggered, this, [this] {
        // Shown either way: when the test cannot start, the view says why.
        bringViewForward(widget_);
        if (findLearningRate()) {
            growViewTo(widget_, kRoomyTestHeight);
        }
    });
    connect(run_, &QPushButton::clicked, this, &RangeTestView::findLearningRate);
    connect(cancel_, &QPushButton::clicked, this, &RangeTestView::cancel);
    connect(clear_, &QPushButton::clicked, this, &RangeTestView::clearEarlier);
    for (std::size_t i = 0; i < use_.size(); ++i) {
        connect(use_[i], &QPushButton::clicked, this, [this, i] {
            const auto& s = tests_.back().suggestions;
            const std::optional<double> values[] = {s.valley, s.steep, s.minimum};
            if (values[i]) {
                context_.panel.learningRatePanel()->setLearningRate(*values[i]);
            }
        });
    }
    // Also next to the rate slider: the test suggests the rate set there.
    context_.panel.learningRatePanel()->offerCommand(find_);
    connect(job_, &RangeTestJob::pointsArrived, this, &RangeTestView::onPoints);
    connect(job_, &RangeTestJob::finished, this, &RangeTestView::onFinished);
    connect(job_, &RangeTestJob::failed, this, &RangeTestView::onFailed);
    refresh();
}

QWidget* RangeTestView::widget() {
    return widget_;
}

QList<QAction*> RangeTestView::runMenuActions() const {
    return {find_};
}

QCustomPlot* RangeTestView::exportablePlot() const {
    return plot_;
}

bool RangeTestView::isRunning() const {
    return job_->isRunning();
}

bool RangeTestView::findLearningRate() {
    const auto& config = context_.panel.config();
    if (!config) {
        status_->setText(tr("Cannot run the range test — %1").arg(context_.panel.invalidReason()));
        return false;
    }
    core::RangeTestSettings settings;
    for (const NumberField* field : {start_, end_}) {
        if (!field->isValid()) {
            status_->setText(tr("Cannot run the range test — %1").arg(field->error()));
            return false;
        }
    }
    settings.startLr = *start_->value();
    settings.endLr = *end_->value();
    settings.iterations = iterations_->value();
    if (!(settings.endLr > settings.startLr)) {
        status_->setText(
            tr("Cannot run the range test — the highest rate must be above the "
               "lowest."));
        return false;
    }
    if (job_->isRunning()) {
        cancel();
    }
    RangeTestCurve curve;
    curve.label = rangeTestLabel(*config);
    curve.colour = runColour(testsStarted_++);
    curve.settings = settings;
    tests_.push_back(std::move(curve));
    if (tests_.size() > kMaxTests) {
        tests_.erase(tests_.begin());
    }
    jobId_ = job_->start(*config, settings);
    refresh();
    return true;
}

void RangeTestView::cancel() {
    if (!job_->isRunning()) {
        return;
    }
    job_->cancel();
    tests_.back().finished = true;
    tests_.back().stop = core::RangeTestStop::Stopped;
    tests_.back().suggestions = core::LrSuggestions{};
    tests_.back().suggestions.reason = "the test was cancelled";
    refresh();
}

void RangeTestView::clearEarlier() {
    if (tests_.size() > 1) {
        tests_.erase(tests_.begin(), tests_.end() - 1);
        refresh();
    }
}

void RangeTestView::onPoints(int job, const std::vector<core::RangeTestPoint>& points) {
    if (job != jobId_ || tests_.empty()) {
        return;
    }
    auto& current = tests_.back().points;
    current.insert(current.end(), points.begin(), points.end());
    refresh();
}

void RangeTestView::onFinished(int job, const core::RangeTestResult& result,
                               const core::LrSuggestions& suggestions) {
    if (job != jobId_ || tests_.empty()) {
        return;
    }
    RangeTestCurve& current = tests_.back();
    current.points = result.points;  // the same points, whole
    current.finished = true;
    current.stop = result.stop;
    current.suggestions = suggestions;
    refresh();
    emit testFinished();
}

void RangeTestView::onFailed(int job, const QString& message) {
    if (job != jobId_ || tests_.empty()) {
        return;
    }
    tests_.pop_back();
    refresh();
    status_->setText(tr("The range test could not run: %1").arg(message));
}

void RangeTestView::refresh() {
    plot_->setTests(tests_);
    const bool running = job_->isRunning();
    cancel_->setEnabled(running);
    clear_->setEnabled(tests_.size() > 1);
    for (QPushButton* use : use_) {
        use->setVisible(false);
    }
    if (tests_.empty()) {
        status_->setText(
            tr("No range test yet. It trains a copy of the panel's settings and "
               "never touches your runs."));
        return;
    }
    const RangeTestCurve& current = tests_.back();
    QString text =
        tr("<b>%1</b> · %2 → %3: %4.")
            .arg(current.label.toHtmlEscaped(), compactNumber(current.settings.startLr),
                 compactNumber(current.settings.endLr), rangeTestStopText(current).toHtmlEscaped());
    status_->setToolTip(rangeTestSettingsText(current.settings));
    if (current.finished && current.suggestions.valley) {
        const auto& s = current.suggestions;
        const std::optional<double> values[] = {s.valley, s.steep, s.minimum};
        static const char* const kNames[] = {"valley", "steep", "minimum"};
        const QString meaning[] = {
            tr("the usual choice: well down the slope, before the loss turns up"),
            tr("where the loss falls fastest; often a little high"),
            tr("a tenth of the rate at the lowest loss")};
        for (std::size_t i = 0; i < use_.size(); ++i) {
            use_[i]->setText(
                tr("Use %1 %2").arg(QString::fromLatin1(kNames[i]), compactNumber(*values[i], 2)));
            use_[i]->setToolTip(tr("Set the panel's learning rate to %1 — %2")
                                    .arg(compactNumber(*values[i], 6), meaning[i]));
            use_[i]->setVisible(true);
        }
    } else if (current.finished) {
        text += tr(" No suggestion: %1.")
                    .arg(QString::fromStdString(current.suggestions.reason).toHtmlEscaped());
    }
    if (tests_.size() > 1) {
        text += tests_.size() == 2 ? tr(" Faint: the earlier test.")
                                   : tr(" Faint: %1 earlier tests.").arg(tests_.size() - 1);
    }
    status_->setText(text);
}

}  // namespace lrscope::ui
