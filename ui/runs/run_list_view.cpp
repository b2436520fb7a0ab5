#include "ui/runs/run_list_view.hpp"

#include <QAction>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/runs/run_list_model.hpp"

namespace lrscope::ui {

RunListView::RunListView(RunListModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      table_(new QTableView(this)),
      delete_(new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this)),
      useSettings_(new QPushButton(tr("Use these settings"), this)) {
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setShowGrid(false);
    table_->setWordWrap(false);
    QHeaderView* header = table_->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RunListModel::Name, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);

    delete_->setToolTip(tr("Delete the selected runs (Del); a training run is stopped first"));
    useSettings_->setToolTip(tr("Copy the selected run's settings into the panel"));
    auto* title = new QLabel(tr("<b>Runs</b>"), this);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(useSettings_);
    bar->addWidget(delete_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);

    auto* deleteAction = new QAction(this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(deleteAction);
    connect(deleteAction, &QAction::triggered, delete_, &QPushButton::click);
    connect(delete_, &QPushButton::clicked, this, [this] {
        const auto ids = selectedRuns();
        if (!ids.empty()) {
            emit deleteRequested(ids);
        }
    });
    connect(useSettings_, &QPushButton::clicked, this, [this] {
        if (const core::RunId id = currentRun(); id != 0) {
            emit useSettingsRequested(id);
        }
    });
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() != RunListModel::Colour) {
            return;
        }
        const RunEntry& run = model_->entryAt(index.row());
        const QColor colour =
            QColorDialog::getColor(run.colour, this, tr("Colour of %1").arg(run.name));
        if (colour.isValid()) {
            model_->setColour(run.id, colour);
        }
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        emit currentRunChanged(currentRun());
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        updateButtons();
        emit currentRunChanged(0);
    });
    updateButtons();
}

core::RunId RunListView::currentRun() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const int row = current.isValid() && table_->selectionModel()->isRowSelected(current.row())
                        ? current.row()
                        : rows.last().row();
    return model_->entryAt(row).id;
}

std::vector<core::RunId> RunListView::selectedRuns() const {
    std::vector<core::RunId> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
        ids.push_back(model_->entryAt(index.row()).id);
    }
    return ids;
}

void RunListView::selectRun(core::RunId id) {
    const int row = model_->rowOf(id);
    if (row < 0) {
        table_->clearSelection();
        return;
    }
    table_->selectionModel()->setCurrentIndex(
        model_->index(row, RunListModel::Name),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(model_->index(row, RunListModel::Name));
}

void RunListView::updateButtons() {
    const bool any = !selectedRuns().empty();
    delete_->setEnabled(any);
    useSettings_->setEnabled(any);
}

}  // namespace lrscope::ui
