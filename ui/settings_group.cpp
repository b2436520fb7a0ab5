#include "ui/settings_group.hpp"

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

void SettingsGroup::notifyChanged() {
    const QString error = firstError();
    errorLabel_->setText(error);
    errorLabel_->setVisible(!error.isEmpty());
    emit changed();
}

}  // namespace lrscope::ui
