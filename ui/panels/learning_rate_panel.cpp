#include "ui/panels/learning_rate_panel.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include "core/base/errors.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

constexpr double kSliderMin = 1e-6;
constexpr double kSliderMax = 10.0;

}  // namespace

LearningRatePanel::LearningRatePanel(QWidget* parent)
    : SettingsGroup(tr("Learning rate"), parent),
      slider_(
          new LogSlider(tr("learning rate"), kSliderMin, kSliderMax, core::kMaxLearningRate, this)),
      targetLabel_(makeNote()),
      schedule_(new QComboBox(this)),
      stepSize_(
          new NumberField(tr("step every"), NumberField::Kind::Integer, 1, core::kMaxEpochs, this)),
      gamma_(new NumberField(tr("gamma"), NumberField::Kind::Real, 0, 1, this)),
      tMax_(new NumberField(tr("T max"), NumberField::Kind::Integer, 1, core::kMaxEpochs, this)),
      etaMin_(new NumberField(tr("minimum rate"), NumberField::Kind::Real, 0,
                              core::kMaxLearningRate, this)),
      warmup_(
          new NumberField(tr("warm-up"), NumberField::Kind::Integer, 0, core::kMaxEpochs, this)) {
    NumberField* entry = slider_->entry();
    QFont big = entry->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    entry->setFont(big);
    setHelpText(entry, tr("Base learning rate. Type any value, e.g. 3e-3 or 0.003."));
    setHelpText(slider_->slider(),
                tr("Drag for a rate from 1e-6 to 10 on a log scale. Releasing the slider also "
                   "changes the selected training run's rate from its next batch on."));

    schedule_->addItem(tr("Constant"), static_cast<int>(core::ScheduleKind::Constant));
    schedule_->addItem(tr("Step decay"), static_cast<int>(core::ScheduleKind::Step));
    schedule_->addItem(tr("Exponential decay"), static_cast<int>(core::ScheduleKind::Exponential));
    schedule_->addItem(tr("Cosine annealing"), static_cast<int>(core::ScheduleKind::Cosine));
    setHelpText(schedule_, tr("Per-epoch schedule, as PyTorch's StepLR, ExponentialLR and "
                              "CosineAnnealingLR stepped once per epoch."));
    setHelpText(stepSize_, tr("Multiply the rate by gamma every this many epochs."));
    setHelpText(gamma_, tr("Decay factor per step (step decay) or per epoch (exponential)."));
    setHelpText(tMax_, tr("Epochs of one cosine half-period."));
    setHelpText(etaMin_, tr("The rate the cosine schedule decays to."));
    setHelpText(warmup_, tr("Ramp the rate up linearly over this many epochs (0 = none)."));

    QFormLayout* f = form();
    f->addRow(tr("Rate"), entry);
    nameSetting("lr", title());
    f->addRow(slider_);
    f->addRow(targetLabel_);
    addSettingRow("schedule", tr("Schedule"), schedule_);
    f->addRow(tr("Step every (epochs)"), stepSize_);
    f->addRow(tr("Gamma"), gamma_);
    f->addRow(tr("T max (epochs)"), tMax_);
    f->addRow(tr("Minimum rate"), etaMin_);
    addSettingRow("warmup", tr("Warm-up (epochs)"), warmup_);

    connect(slider_, &LogSlider::valueChanged, this, [this] { notifyChanged(); });
    connect(slider_, &LogSlider::validityChanged, this, [this] { notifyChanged(); });
    connect(slider_, &LogSlider::valueCommitted, this, &LearningRatePanel::learningRateCommitted);
    connect(schedule_, &QComboBox::currentIndexChanged, this, [this] {
        showScheduleFields();
        notifyChanged();
    });
    for (NumberField* field : {stepSize_, gamma_, tMax_, etaMin_, warmup_}) {
        connect(field, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    }

    core::RunConfig defaults;
    defaults.optimizer.lr = 0.03;
    setFrom(defaults);
    setLiveTarget(QString());
}

double LearningRatePanel::learningRate() const {
    return slider_->value();
}

void LearningRatePanel::setLearningRate(double lr) {
    slider_->setValue(lr);
}

void LearningRatePanel::offerCommand(QAction* action) {
    if (commands_ == nullptr) {
        auto* row = new QWidget(this);
        commands_ = new QHBoxLayout(row);
        commands_->setContentsMargins(0, 0, 0, 0);
        commands_->addStretch(1);
        int at = 0;
        QFormLayout::ItemRole role = QFormLayout::SpanningRole;
        form()->getWidgetPosition(targetLabel_, &at, &role);
        form()->insertRow(at + 1, row);
    }
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    commands_->insertWidget(commands_->count() - 1, button);
}

void LearningRatePanel::setLiveTarget(const QString& target) {
    // Says how to re-tune a run live, so the feature can be found without the manual.
    targetLabel_->setText(
        target.isEmpty() ? tr("Applies to the next run. Select a training run to re-tune it live.")
                         : tr("Applies to the next run, and live to %1.").arg(target));
}

void LearningRatePanel::showScheduleFields() {
    const auto kind = static_cast<core::ScheduleKind>(schedule_->currentData().toInt());
    QFormLayout* f = form();
    f->setRowVisible(stepSize_, kind == core::ScheduleKind::Step);
    f->setRowVisible(gamma_,
                     kind == core::ScheduleKind::Step || kind == core::ScheduleKind::Exponential);
    f->setRowVisible(tMax_, kind == core::ScheduleKind::Cosine);
    f->setRowVisible(etaMin_, kind == core::ScheduleKind::Cosine);
}

void LearningRatePanel::applyTo(core::RunConfig& config) const {
    config.optimizer.lr = slider_->value();
    core::LrSchedule& s = config.schedule;
    s = core::LrSchedule{};
    s.kind = static_cast<core::ScheduleKind>(schedule_->currentData().toInt());
    if (s.kind == core::ScheduleKind::Step) {
        s.stepSize = static_cast<int>(stepSize_->integerValue());
        s.gamma = *gamma_->value();
    } else if (s.kind == core::ScheduleKind::Exponential) {
        s.gamma = *gamma_->value();
    } else if (s.kind == core::ScheduleKind::Cosine) {
        s.tMax = static_cast<int>(tMax_->integerValue());
        s.etaMin = *etaMin_->value();
    }
    s.warmupEpochs = static_cast<int>(warmup_->integerValue());
}

void LearningRatePanel::setFrom(const core::RunConfig& config) {
    slider_->setValue(config.optimizer.lr);
    const core::LrSchedule& s = config.schedule;
    schedule_->setCurrentIndex(schedule_->findData(static_cast<int>(s.kind)));
    stepSize_->setInteger(s.stepSize);
    gamma_->setNumber(s.gamma);
    tMax_->setInteger(s.tMax);
    etaMin_->setNumber(s.etaMin);
    warmup_->setInteger(s.warmupEpochs);
    showScheduleFields();
    notifyChanged();
}

QString LearningRatePanel::firstError() const {
    if (!slider_->isValid()) {
        return slider_->error();
    }
    const auto kind = static_cast<core::ScheduleKind>(schedule_->currentData().toInt());
    std::vector<const NumberField*> fields;
    if (kind == core::ScheduleKind::Step) {
        fields = {stepSize_, gamma_};
    } else if (kind == core::ScheduleKind::Exponential) {
        fields = {gamma_};
    } else if (kind == core::ScheduleKind::Cosine) {
        fields = {tMax_, etaMin_};
    }
    fields.push_back(warmup_);
    for (const NumberField* field : fields) {
        if (!field->isValid()) {
            return field->error();
        }
    }
    return {};
}

}  // namespace lrscope::ui
