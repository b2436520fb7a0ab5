#pragma once

#include <optional>
#include <vector>

#include <QScrollArea>

#include "core/base/errors.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

class DataPanel;
class LearningRatePanel;
class NetworkPanel;
class OptimizerPanel;
class SettingsGroup;
class TrainingPanel;

// The side panel: learning rate first, then optimizer, data, network and training. Turns the
// entries into a RunConfig, or says why they cannot make one.
class ControlPanel : public QScrollArea {
    Q_OBJECT
public:
    explicit ControlPanel(QWidget* parent = nullptr);

    // The next run's settings; nullopt while an entry is invalid (see invalidReason()).
    const std::optional<core::RunConfig>& config() const { return config_; }
    QString invalidReason() const { return reason_; }

    // Shows `config` (a preset, a run's settings). When it cannot be shown (its CSV file no
    // longer reads, it fails validation) returns the reason and changes nothing.
    QString setConfig(const core::RunConfig& config);

    // An error as the panel shows it: a setting's error under the label the panel shows for
    // it ("Batch size: -1 is negative; ..."), any other error as it is.
    QString messageFor(const core::InputError& error) const;

    LearningRatePanel* learningRatePanel() const { return learningRate_; }
    OptimizerPanel* optimizerPanel() const { return optimizer_; }
    DataPanel* dataPanel() const { return data_; }
    NetworkPanel* networkPanel() const { return network_; }
    TrainingPanel* trainingPanel() const { return training_; }

signals:
    // After every change of any entry.
    void validityChanged(bool valid, const QString& reason);
    // The user finished moving the learning rate (for a live change of a running run).
    void learningRateCommitted(double lr);

private:
    void revalidate();

    LearningRatePanel* learningRate_;
    OptimizerPanel* optimizer_;
    DataPanel* data_;
    NetworkPanel* network_;
    TrainingPanel* training_;
    std::vector<SettingsGroup*> groups_;
    std::optional<core::RunConfig> config_;
    QString reason_;
    bool applying_ = false;
};

}  // namespace lrscope::ui
