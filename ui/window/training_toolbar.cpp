#include "ui/window/training_toolbar.hpp"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QToolButton>

#include "ui/commands/run_commands.hpp"
#include "ui/panels/window_defaults.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

// The widest the button gets with any of these texts.
int widthForTexts(QToolButton& button, const QStringList& texts) {
    const QString original = button.text();
    int width = 0;
    for (const QString& text : texts) {
        button.setText(text);
        width = std::max(width, button.sizeHint().width());
    }
    button.setText(original);
    return width;
}

}  // namespace

TrainingToolBar::TrainingToolBar(RunCommands& commands, TrainingController& controller,
                                 QAction* savePlot, QWidget* parent)
    : QToolBar(tr("Training"), parent), pace_(new QComboBox(this)) {
    setObjectName(QStringLiteral("trainingToolBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* action : commands.runActions()) {
        addAction(action);
    }
    if (auto* pause = qobject_cast<QToolButton*>(widgetForAction(commands.pauseAction()))) {
        pause->setMinimumWidth(widthForTexts(*pause, {tr("Pause"), tr("Resume")}));
    }
    addSeparator();
    pace_->addItem(tr("As fast as possible"), 0.0);
    pace_->addItem(tr("200 epochs/s"), 200.0);
    pace_->addItem(tr("50 epochs/s"), 50.0);
    pace_->addItem(tr("10 epochs/s"), 10.0);
    pace_->setToolTip(
        tr("Slow training down to watch a curve form, e.g. in a lecture. "
           "Applies to every run."));
    addWidget(new QLabel(tr(" Pace "), this));
    addWidget(pace_);
    addSeparator();
    addAction(savePlot);
    // A new window trains slowly enough to watch a curve grow; full speed is the first entry.
    pace_->setCurrentIndex(pace_->findData(kDefaultPace));
    controller.setMaxEpochsPerSecond(kDefaultPace);
    connect(pace_, &QComboBox::currentIndexChanged, this, [this, &controller] {
        controller.setMaxEpochsPerSecond(pace_->currentData().toDouble());
    });
}

}  // namespace lrscope::ui
