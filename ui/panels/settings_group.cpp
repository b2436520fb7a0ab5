#include "ui/panels/settings_group.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace lrscope::ui {

SettingsGroup::SettingsGroup(const QString& title, QWidget* parent)
    : QGroupBox(title, parent), form_(new QFormLayout), errorLabel_(new QLabel(this)) {
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form_->setHorizontalSpacing(8);
    form_->setVerticalSpacing(4);
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet(QStringLiteral("color: #B34700;"));
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(form_);
    layout->addWidget(errorLabel_);
}

QString SettingsGroup::settingLabel(const std::string& key) const {
    const auto it = labels_.find(key);
    return it == labels_.end() ? QString() : it->second;
}

void SettingsGroup::addSettingRow(const std::string& key, const QString& label, QWidget* field) {
    form_->addRow(label, field);
    nameSetting(key, label);
}

void SettingsGroup::addSettingRow(const std::string& key, const QString& label, QLayout* field) {
    form_->addRow(label, field);
    nameSetting(key, label);
}

void SettingsGroup::nameSetting(const std::string& key, const QString& label) {
    labels_[key] = label;
}

QLabel* SettingsGroup::makeNote() {
    auto* note = new QLabel(this);
    note->setWordWrap(true);
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return note;
}

void SettingsGroup::notifyChanged() {
    const QString error = firstError();
    errorLabel_->setText(error);
    errorLabel_->setVisible(!error.isEmpty());
    emit changed();
}

}  // namespace lrscope::ui
