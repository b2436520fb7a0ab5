#include "ui/panels/optimizer_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

#include "core/base/number_format.hpp"
#include "ui/qt_text.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

using Kind = core::OptimizerKind;

}  // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : SettingsGroup(tr("Optimizer (next run)"), parent),
      optimizer_(new QComboBox(this)),
      defaultLr_(new QLabel(this)) {
    for (const Kind kind : core::kAllOptimizers) {
        optimizer_->addItem(optimizerLabel(kind), static_cast<int>(kind));
    }
    setHelpText(optimizer_, tr("Update rule, as defined by torch.optim. Changing it fills "
                               "the fields below with its defaults."));

    QFormLayout* f = form();
    addSettingRow("optimizer", tr("Optimizer"), optimizer_);
    f->addRow(defaultLr_);
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        const std::string key(info.key);
        if (info.isSwitch) {
            auto* box = new QCheckBox(toQString(info.label), this);
            setHelpText(box, toQString(info.help));
            f->addRow(box);
            nameSetting(key, toQString(info.label));
            switches_[info.setting] = box;
            connect(box, &QCheckBox::toggled, this, [this] { notifyChanged(); });
        } else {
            auto* field = new NumberField(toQString(info.label).toLower(), NumberField::Kind::Real,
                                          info.low, info.high, this);
            field->setBounds(NumberField::Bound::Inclusive, info.highIncluded
                                                                ? NumberField::Bound::Inclusive
                                                                : NumberField::Bound::Exclusive);
            setHelpText(field, toQString(info.help));
            addSettingRow(key, toQString(info.label), field);
            numbers_[info.setting] = field;
            connect(field, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
        }
    }
    connect(optimizer_, &QComboBox::activated, this,
            [this] { setKind(static_cast<Kind>(optimizer_->currentData().toInt())); });
    setKind(Kind::Sgd);
}

core::OptimizerKind OptimizerPanel::kind() const {
    return static_cast<Kind>(optimizer_->currentData().toInt());
}

void OptimizerPanel::setKind(core::OptimizerKind kind) {
    showSettings(core::defaultsFor(kind));
}

QWidget* OptimizerPanel::field(core::OptimizerSetting setting) const {
    if (const auto it = numbers_.find(setting); it != numbers_.end()) {
        return it->second;
    }
    const auto it = switches_.find(setting);
    return it == switches_.end() ? nullptr : it->second;
}

bool OptimizerPanel::isShown(core::OptimizerSetting setting) const {
    return core::usesSetting(kind(), setting);
}

void OptimizerPanel::showSettings(const core::OptimizerSettings& s) {
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(s.kind)));
    for (const auto& [setting, field] : numbers_) {
        field->setNumber(core::settingValue(s, setting));
        form()->setRowVisible(field, core::usesSetting(s.kind, setting));
    }
    for (const auto& [setting, box] : switches_) {
        box->setChecked(core::settingValue(s, setting) != 0.0);
        form()->setRowVisible(box, core::usesSetting(s.kind, setting));
    }
    const QString rate = QString::fromStdString(core::formatNumber(core::defaultsFor(s.kind).lr));
    defaultLr_->setText(
        s.kind == Kind::Sgd || s.kind == Kind::Momentum || s.kind == Kind::Nesterov
            ? tr("lrscope starts %1 at %2 (torch.optim.SGD fixes no default rate).")
                  .arg(optimizer_->currentText(), rate)
            : tr("torch.optim's default rate for %1 is %2.").arg(optimizer_->currentText(), rate));
    notifyChanged();
}

void OptimizerPanel::applyTo(core::RunConfig& config) const {
    core::OptimizerSettings s = core::defaultsFor(kind());
    s.lr = config.optimizer.lr;
    for (const core::OptimizerSetting setting : core::settingsOf(kind())) {
        if (const auto it = numbers_.find(setting); it != numbers_.end()) {
            core::setSettingValue(s, setting,
                                  it->second->value().value_or(core::settingValue(s, setting)));
        } else if (const auto box = switches_.find(setting); box != switches_.end()) {
            core::setSettingValue(s, setting, box->second->isChecked() ? 1.0 : 0.0);
        }
    }
    config.optimizer = s;
}

void OptimizerPanel::setFrom(const core::RunConfig& config) {
    showSettings(config.optimizer);
}

QString OptimizerPanel::firstError() const {
    for (const core::OptimizerSetting setting : core::settingsOf(kind())) {
        if (const auto it = numbers_.find(setting);
            it != numbers_.end() && !it->second->isValid()) {
            return it->second->error();
        }
    }
    return {};
}

}  // namespace lrscope::ui
