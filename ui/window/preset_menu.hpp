#pragma once

#include <QMenu>

namespace lrscope::ui {

class ControlPanel;
class PresetStore;

// The Presets menu: save the panel's settings under a name, load one back, delete one.
// A preset that no longer loads (e.g. its CSV file is gone) is reported and the panel keeps
// its settings.
class PresetMenu : public QMenu {
    Q_OBJECT
public:
    PresetMenu(PresetStore& store, ControlPanel& panel, QWidget* parent = nullptr);

    // Loads a preset into the panel; returns the reason when it cannot.
    QString load(const QString& name);

signals:
    void message(const QString& text);

private:
    void rebuild();
    void saveCurrent();

    PresetStore& store_;
    ControlPanel& panel_;
};

}  // namespace lrscope::ui
