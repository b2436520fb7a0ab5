#pragma once

#include "ui/panels/settings_group.hpp"

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;

namespace lrscope::ui {

class LogSlider;
class NumberField;

// The learning rate (log slider 1e-6..10 with an exact entry box), its schedule and warm-up.
// A committed change of the rate is also offered to the selected training run (live change).
class LearningRatePanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit LearningRatePanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

    double learningRate() const;
    void setLearningRate(double lr);
    LogSlider* slider() const { return slider_; }

    // Says where a committed rate goes besides the next run, e.g. "run 3 (training)";
    // empty = the next run only.
    void setLiveTarget(const QString& target);

    // A button under the slider for a command about the rate (the range test view offers
    // "Find learning rate" here, next to the rate it sets).
    void offerCommand(QAction* action);

signals:
    void learningRateCommitted(double lr);

private:
    void showScheduleFields();

    LogSlider* slider_;
    QLabel* targetLabel_;
    QComboBox* schedule_;
    NumberField* stepSize_;
    NumberField* gamma_;
    NumberField* tMax_;
    NumberField* etaMin_;
    NumberField* warmup_;
    QHBoxLayout* commands_ = nullptr;  // the row of offered commands, made by the first one
};

}  // namespace lrscope::ui
