#pragma once

#include <QGroupBox>

#include "core/run_config.hpp"

class QFormLayout;
class QLabel;

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

signals:
    void changed();

protected:
    QFormLayout* form() const { return form_; }
    // Call after any edit: refreshes the reason under the form and emits changed().
    void notifyChanged();

private:
    QFormLayout* form_;
    QLabel* errorLabel_;
};

}  // namespace lrscope::ui
