#pragma once

#include <QGroupBox>
#include <map>
#include <string>

#include "core/training/run_config.hpp"

class QFormLayout;
class QLabel;
class QLayout;

namespace lrscope::ui {

// One group of the control panel: a titled form that reads and writes its part of a
// RunConfig. An invalid entry is marked on its field and its reason is shown under the form.
class SettingsGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit SettingsGroup(const QString& title, QWidget* parent = nullptr);

    // Writes this group's settings; only called while firstError() is empty.
    virtual void applyTo(core::RunConfig& config) const = 0;
    // Shows the settings of `config` (which has passed core::validate).
    virtual void setFrom(const core::RunConfig& config) = 0;
    // Why the group's entries cannot make a run, or empty.
    virtual QString firstError() const = 0;

    // The label this group shows for a setting, by the setting's key (core::InputError::key(),
    // e.g. "batch-size"); empty when the setting is not in this group.
    QString settingLabel(const std::string& key) const;

signals:
    void changed();

protected:
    QFormLayout* form() const { return form_; }
    // Adds a labelled row for the setting `key` and remembers the label for messages.
    void addSettingRow(const std::string& key, const QString& label, QWidget* field);
    void addSettingRow(const std::string& key, const QString& label, QLayout* field);
    // Names a setting for messages that has no row label of its own (a check box's text).
    void nameSetting(const std::string& key, const QString& label);
    // A small grey, word-wrapped label for a note under a setting (what applies where, what
    // was picked for the user).
    QLabel* makeNote();
    // Call after any edit: refreshes the reason under the form and emits changed().
    void notifyChanged();

private:
    QFormLayout* form_;
    QLabel* errorLabel_;
    std::map<std::string, QString> labels_;  // by setting key
};

}  // namespace lrscope::ui
