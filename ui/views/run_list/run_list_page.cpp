#include "ui/views/run_list/run_list_page.hpp"

#include <QObject>

#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

RunListPage::RunListPage(const ViewContext& context, QWidget* parent)
    : list_(new RunListView(context.store, context.selection, parent)) {
    list_->setObjectName(QStringLiteral("view.runs"));
    RunCommands* commands = &context.commands;
    QObject::connect(list_, &RunListView::deleteRequested, commands, &RunCommands::deleteRuns);
    QObject::connect(list_, &RunListView::useSettingsRequested, commands,
                     &RunCommands::useSettingsOf);
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
