#pragma once

#include <map>
#include <vector>

#include "core/optim/optimizer_setting.hpp"
#include "ui/panels/settings_group.hpp"

class QCheckBox;
class QComboBox;
class QLabel;

namespace lrscope::ui {

class NumberField;

// The optimizer and its hyper-parameters, one row per setting of core's table
// (core/optim/optimizer_setting.hpp). Only the rows the chosen optimizer uses are shown;
// choosing an optimizer fills them with its defaults (core::defaultsFor).
class OptimizerPanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

    core::OptimizerKind kind() const;
    void setKind(core::OptimizerKind kind);  // resets the fields to the optimizer's defaults
    // The field of a setting (a NumberField or a QCheckBox).
    QWidget* field(core::OptimizerSetting setting) const;
    bool isShown(core::OptimizerSetting setting) const;

private:
    void showSettings(const core::OptimizerSettings& settings);

    QComboBox* optimizer_;
    QLabel* defaultLr_;
    std::map<core::OptimizerSetting, NumberField*> numbers_;
    std::map<core::OptimizerSetting, QCheckBox*> switches_;
};

}  // namespace lrscope::ui
