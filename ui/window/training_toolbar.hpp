#pragma once

#include <QToolBar>

class QComboBox;

namespace lrscope::ui {

class RunCommands;
class TrainingController;

// The toolbar: Train, Pause/Resume, Step, Stop, Stop all, Clear all, the pace and Save plot.
// Buttons keep their width when an action's text changes (Pause <-> Resume), so the ones
// after it never move under the pointer.
class TrainingToolBar : public QToolBar {
    Q_OBJECT
public:
    TrainingToolBar(RunCommands& commands, TrainingController& controller, QAction* savePlot,
                    QWidget* parent);

    QComboBox* paceBox() const { return pace_; }

private:
    QComboBox* pace_;
};

}  // namespace lrscope::ui
