#pragma once

#include "ui/panels/settings_group.hpp"

class QCheckBox;
class QComboBox;
class QLabel;

namespace lrscope::ui {

class NumberField;

// The optimizer and its hyper-parameters. Only the fields the chosen optimizer uses are
// shown; choosing an optimizer fills them with PyTorch's defaults (core::defaultsFor).
class OptimizerPanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

    core::OptimizerKind kind() const;
    void setKind(core::OptimizerKind kind);  // resets the fields to PyTorch's defaults

private:
    void showSettings(const core::OptimizerSettings& settings);
    std::vector<QWidget*> fieldsFor(core::OptimizerKind kind) const;

    QComboBox* optimizer_;
    QLabel* defaultLr_;
    NumberField* momentum_;
    NumberField* dampening_;
    NumberField* rho_;
    NumberField* alpha_;
    NumberField* beta1_;
    NumberField* beta2_;
    NumberField* eps_;
    NumberField* lrDecay_;
    NumberField* initialAccumulator_;
    NumberField* weightDecay_;
    QCheckBox* centered_;
    QCheckBox* amsgrad_;
};

}  // namespace lrscope::ui
