#pragma once

#include "ui/panels/settings_group.hpp"

class QCheckBox;

namespace lrscope::ui {

class NumberField;

// Batch size (0 = full batch), number of epochs, seed and shuffling.
class TrainingPanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

private:
    NumberField* batchSize_;
    NumberField* epochs_;
    NumberField* seed_;
    QCheckBox* shuffle_;
};

}  // namespace lrscope::ui
