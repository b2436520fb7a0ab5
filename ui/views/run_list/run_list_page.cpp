#include "ui/views/run_list/run_list_page.hpp"

#include <QHeaderView>
#include <QJsonArray>
#include <QObject>
#include <QTableView>

#include "ui/commands/continue_run_command.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

RunListPage::RunListPage(const ViewContext& context, QWidget* parent)
    : list_(new RunListView(context.store, context.selection, parent)),
      store_(context.store),
      selection_(context.selection),
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

QJsonObject RunListPage::sessionState() const {
    QJsonArray selected;
    for (const core::RunId id : selection_.selected()) {
        selected.append(store_.indexOf(id));
    }
    return {{QStringLiteral("selected"), selected},
            {QStringLiteral("current"), store_.indexOf(selection_.current())},
            {QStringLiteral("columns"),
             QString::fromLatin1(list_->table()->horizontalHeader()->saveState().toBase64())}};
}

void RunListPage::restoreSessionState(const QJsonObject& state) {
    const auto idAt = [this](const QJsonValue& index) -> core::RunId {
        const int i = index.toInt(-1);
        return i >= 0 && i < static_cast<int>(store_.runs().size())
                   ? store_.runs()[static_cast<size_t>(i)].id
                   : 0;
    };
    std::vector<core::RunId> ids;
    for (const QJsonValue& index : state.value(QStringLiteral("selected")).toArray()) {
        if (const core::RunId id = idAt(index); id != 0) {
            ids.push_back(id);
        }
    }
    selection_.select(ids, idAt(state.value(QStringLiteral("current"))));
    const QByteArray columns =
        QByteArray::fromBase64(state.value(QStringLiteral("columns")).toString().toLatin1());
    if (!columns.isEmpty()) {
        list_->table()->horizontalHeader()->restoreState(columns);
    }
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
