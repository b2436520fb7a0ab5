#include "ui/views/run_list/run_list_page.hpp"

#include <QHeaderView>
#include <QJsonArray>
#include <QObject>
#include <QTreeView>

#include "ui/commands/continue_run_command.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/runs/run_list_model.hpp"
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
    list_->tree()->setContextMenuPolicy(Qt::ActionsContextMenu);
    list_->tree()->addAction(continue_->action());
}

QList<QAction*> RunListPage::runMenuActions() const {
    return {continue_->action()};
}

QJsonObject RunListPage::sessionState() const {
    QJsonArray selected;
    for (const core::RunId id : selection_.selected()) {
        selected.append(store_.indexOf(id));
    }
    QJsonArray folded;
    const RunListModel& model = *list_->model();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row, 0);
        if (model.sweepAt(at) != 0 && !list_->tree()->isExpanded(at)) {
            folded.append(model.sweepAt(at));
        }
    }
    return {{QStringLiteral("selected"), selected},
            {QStringLiteral("current"), store_.indexOf(selection_.current())},
            {QStringLiteral("folded_sweeps"), folded},
            {QStringLiteral("columns"),
             QString::fromLatin1(list_->tree()->header()->saveState().toBase64())}};
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
    for (const QJsonValue& sweep : state.value(QStringLiteral("folded_sweeps")).toArray()) {
        list_->tree()->collapse(list_->model()->sweepIndex(sweep.toInt(0), 0));
    }
    const QByteArray columns =
        QByteArray::fromBase64(state.value(QStringLiteral("columns")).toString().toLatin1());
    if (!columns.isEmpty()) {
        list_->tree()->header()->restoreState(columns);
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
