#include "ui/panels/control_panel.hpp"

#include <QScrollBar>
#include <QVBoxLayout>

#include "ui/panels/data_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/panels/optimizer_panel.hpp"
#include "ui/panels/training_panel.hpp"
#include "ui/panels/window_defaults.hpp"

namespace lrscope::ui {

ControlPanel::ControlPanel(QWidget* parent)
    : QScrollArea(parent),
      learningRate_(new LearningRatePanel),
      optimizer_(new OptimizerPanel),
      data_(new DataPanel),
      network_(new NetworkPanel),
      training_(new TrainingPanel),
      groups_{learningRate_, optimizer_, data_, network_, training_} {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(8);
    for (SettingsGroup* group : groups_) {
        layout->addWidget(group);
        connect(group, &SettingsGroup::changed, this, &ControlPanel::revalidate);
    }
    layout->addStretch(1);
    setWidget(content);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    // Never narrower than the groups need: there is no horizontal scroll bar, so a narrower
    // panel would cut its fields off at the right.
    setMinimumWidth(content->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width());

    connect(data_, &DataPanel::shapeChanged, this,
            [this] { network_->setDataShape(data_->shape()); });
    connect(learningRate_, &LearningRatePanel::learningRateCommitted, this,
            &ControlPanel::learningRateCommitted);
    network_->setDataShape(data_->shape());
    setConfig(windowDefaults());
}

void ControlPanel::revalidate() {
    if (applying_) {
        return;
    }
    config_.reset();
    reason_.clear();
    for (const SettingsGroup* group : groups_) {
        reason_ = group->firstError();
        if (!reason_.isEmpty()) {
            break;
        }
    }
    if (reason_.isEmpty()) {
        core::RunConfig config;
        for (const SettingsGroup* group : groups_) {
            group->applyTo(config);
        }
        try {
            core::validate(config);
            config_ = std::move(config);
        } catch (const core::InputError& error) {
            reason_ = messageFor(error);
        }
    }
    emit validityChanged(config_.has_value(), reason_);
}

QString ControlPanel::setConfig(const core::RunConfig& config) {
    try {
        core::validate(config);
    } catch (const core::InputError& error) {
        return messageFor(error);
    }
    if (const QString error = data_->prepareFor(config.data); !error.isEmpty()) {
        return error;
    }
    applying_ = true;
    data_->setFrom(config);
    network_->setDataShape(data_->shape());
    for (SettingsGroup* group : groups_) {
        if (group != data_) {
            group->setFrom(config);
        }
    }
    applying_ = false;
    revalidate();
    return {};
}

QString ControlPanel::messageFor(const core::InputError& error) const {
    const std::string key = error.key();
    if (key.empty()) {
        return QString::fromStdString(error.what());
    }
    QString label;
    for (const SettingsGroup* group : groups_) {
        label = group->settingLabel(key);
        if (!label.isEmpty()) {
            break;
        }
    }
    if (label.isEmpty()) {
        // A setting the panel does not show: its key, spelt as words ("Batch size").
        label = QString::fromStdString(key).replace(QLatin1Char('-'), QLatin1Char(' '));
        label[0] = label[0].toUpper();
    }
    return label + QStringLiteral(": ") + QString::fromStdString(error.detail());
}

}  // namespace lrscope::ui
