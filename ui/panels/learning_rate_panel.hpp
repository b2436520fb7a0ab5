#pragma once

#include "ui/panels/settings_group.hpp"

class QComboBox;
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
};

}  // namespace lrscope::ui
