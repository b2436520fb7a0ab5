#include "ui/runs/run_list_view.hpp"

#include <QAction>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

RunListView::RunListView(RunStore& store, RunSelection& selection, QWidget* parent)
    : QWidget(parent),
      store_(store),
      selection_(selection),
      model_(new RunListModel(store, this)),
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

    delete_->setToolTip(
        tr("Delete the selected runs (Del); a training run is stopped first. "
           "Edit > Undo brings them back."));
    useSettings_->setToolTip(tr("Copy the selected run's settings into the panel"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
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
        if (!selection_.selected().empty()) {
            emit deleteRequested(selection_.selected());
        }
    });
    connect(useSettings_, &QPushButton::clicked, this, [this] {
        if (const core::RunId id = selection_.current(); id != 0) {
            emit useSettingsRequested(id);
        }
    });
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() != RunListModel::Colour) {
            return;
        }
        const Run& run = model_->runAt(index.row());
        const core::RunId id = run.id;
        const QColor colour =
            QColorDialog::getColor(run.colour, this, tr("Colour of %1").arg(run.name));
        store_.setColour(id, colour);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunListView::takeSelectionFromTable);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunListView::takeSelectionFromTable);
    connect(&selection_, &RunSelection::changed, this, &RunListView::showSelection);
    connect(&store_, &RunStore::runAdded, this, [this](core::RunId id) {
        const int row = model_->rowOf(id);
        if (row >= 0) {
            table_->scrollTo(model_->index(row, RunListModel::Name));
        }
    });
    updateButtons();
}

void RunListView::takeSelectionFromTable() {
    if (syncing_) {
        return;
    }
    std::vector<core::RunId> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
        ids.push_back(model_->idAt(index.row()));
    }
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const core::RunId currentId =
        current.isValid() && table_->selectionModel()->isRowSelected(current.row())
            ? model_->idAt(current.row())
            : 0;
    syncing_ = true;
    selection_.select(std::move(ids), currentId);
    syncing_ = false;
    updateButtons();
}

void RunListView::showSelection() {
    updateButtons();
    if (syncing_) {
        return;
    }
    syncing_ = true;
    QItemSelection rows;
    for (const core::RunId id : selection_.selected()) {
        const int row = model_->rowOf(id);
        if (row >= 0) {
            rows.select(model_->index(row, 0), model_->index(row, RunListModel::kColumnCount - 1));
        }
    }
    QItemSelectionModel* model = table_->selectionModel();
    model->select(rows, QItemSelectionModel::ClearAndSelect);
    const int currentRow = model_->rowOf(selection_.current());
    if (currentRow >= 0) {
        model->setCurrentIndex(model_->index(currentRow, RunListModel::Name),
                               QItemSelectionModel::NoUpdate);
        table_->scrollTo(model_->index(currentRow, RunListModel::Name));
    }
    syncing_ = false;
}

void RunListView::updateButtons() {
    const bool any = !selection_.selected().empty();
    delete_->setEnabled(any);
    useSettings_->setEnabled(any);
}

}  // namespace lrscope::ui
