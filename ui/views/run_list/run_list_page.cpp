#include "ui/views/run_list/run_list_page.hpp"

#include <QObject>
#include <QTableView>

#include "ui/commands/continue_run_command.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

RunListPage::RunListPage(const ViewContext& context, QWidget* parent)
    : list_(new RunListView(context.store, context.selection, parent)),
      continue_(
          new ContinueRunCommand(context.store, context.controller, context.selection, list_)) {
    list_->setObjectName(QStringLiteral("view.runs"));
    RunCommands* commands = &context.commands;
    QObject::connect(list_, &RunListView::deleteRequested, commands, &RunCommands::deleteRuns);
    QObject::connect(list_, &RunListView::useSettingsRequested, commands,
                     &RunCommands::useSettingsOf);
    QObject::connect(continue_, &ContinueRunCommand::message, commands, &RunCommands::message);
    // Right-clicking a run selects it and offers to continue it.
    list_->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    list_->table()->addAction(continue_->action());
}

QList<QAction*> RunListPage::runMenuActions() const {
    return {continue_->action()};
}

QString RunListPage::key() const {
    return QStringLiteral("runs");
}

QString RunListPage::title() const {
    return QObject::tr("Runs");
}

QWidget* RunListPage::widget() {
    return list_;
}

}  // namespace lrscope::ui
