#include "ui/runs/run_list_view.hpp"

#include <algorithm>

#include <QAction>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

namespace {

// How soon after a change the columns fit their contents: changes in between come for free.
constexpr int kFitColumnsMs = 300;

}  // namespace

RunListView::RunListView(RunStore& store, RunSelection& selection, QWidget* parent)
    : QWidget(parent),
      store_(store),
      selection_(selection),
      model_(new RunListModel(store, this)),
      tree_(new QTreeView(this)),
      delete_(new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this)),
      useSettings_(new QPushButton(tr("Use these settings"), this)) {
    tree_->setModel(model_);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setAllColumnsShowFocus(true);
    tree_->setWordWrap(false);
    // Only sweeps have children; a run of its own needs no room for an arrow.
    tree_->setIndentation(tree_->fontMetrics().height());
    QHeaderView* header = tree_->header();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    // Not ResizeToContents: that measures every row's text of every column whenever any cell
    // changes, and with 32 runs reporting epochs 30 times a second it held the event loop
    // for half a second at a time. The columns are fitted to their contents a little after
    // the rows change instead, except those the user has sized.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RunListModel::Name, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    fitColumns_.setSingleShot(true);
    fitColumns_.setInterval(kFitColumnsMs);
    connect(&fitColumns_, &QTimer::timeout, this, &RunListView::fitColumns);
    const auto scheduleFit = [this] {
        if (!fitColumns_.isActive()) {
            fitColumns_.start();
        }
    };
    connect(model_, &QAbstractItemModel::dataChanged, this, scheduleFit);
    connect(model_, &QAbstractItemModel::rowsInserted, this, scheduleFit);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, scheduleFit);
    connect(model_, &QAbstractItemModel::modelReset, this, scheduleFit);
    connect(tree_, &QTreeView::expanded, this, scheduleFit);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!fitting_) {
            userSized_.insert(column);
        }
    });

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
    layout->addWidget(tree_, 1);

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
    connect(tree_, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        const Run* run = store_.run(model_->idAt(index));
        if (index.column() != RunListModel::Colour || run == nullptr) {
            return;
        }
        const core::RunId id = run->id;
        const QColor colour =
            QColorDialog::getColor(run->colour, this, tr("Colour of %1").arg(run->name));
        store_.setColour(id, colour);
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunListView::takeSelectionFromTable);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunListView::takeSelectionFromTable);
    connect(&selection_, &RunSelection::changed, this, &RunListView::showSelection);
    // A new sweep opens, so its runs are seen queueing; the user folds it when it is enough.
    connect(model_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& under, int first) {
                if (!under.isValid() && model_->sweepAt(model_->index(first, 0)) != 0) {
                    tree_->expand(model_->index(first, 0));
                }
            });
    // New runs come in bursts (a sweep queues all of its runs, each then moved into its row):
    // one scroll after the burst shows the newest run, or its sweep's row at the top with as
    // many of its runs as fit below.
    scrollToNewest_.setSingleShot(true);
    connect(&scrollToNewest_, &QTimer::timeout, this, [this] {
        const QModelIndex at = model_->indexOf(newest_);
        if (at.parent().isValid()) {
            tree_->scrollTo(at.parent(), QAbstractItemView::PositionAtTop);
        } else if (at.isValid()) {
            tree_->scrollTo(at);
        }
    });
    connect(&store_, &RunStore::runAdded, this, [this](core::RunId id) {
        newest_ = id;
        scrollToNewest_.start(0);
    });
    updateButtons();
}

void RunListView::fitColumns() {
    fitting_ = true;
    for (int column = 0; column < RunListModel::kColumnCount; ++column) {
        if (column != RunListModel::Name && userSized_.count(column) == 0) {
            tree_->resizeColumnToContents(column);  // the rows shown, and the header's text
        }
    }
    fitting_ = false;
}

void RunListView::takeSelectionFromTable() {
    if (syncing_) {
        return;
    }
    // A sweep's row stands for all of its runs.
    std::vector<core::RunId> ids;
    for (const QModelIndex& index : tree_->selectionModel()->selectedRows()) {
        for (const core::RunId id : model_->idsAt(index)) {
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
                ids.push_back(id);
            }
        }
    }
    const QModelIndex current = tree_->selectionModel()->currentIndex();
    core::RunId currentId = 0;
    if (current.isValid() &&
        tree_->selectionModel()->isRowSelected(current.row(), current.parent())) {
        const std::vector<core::RunId> currentIds = model_->idsAt(current);
        currentId = currentIds.empty() ? 0 : currentIds.front();
    }
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
        const QModelIndex at = model_->indexOf(id, 0);
        if (at.isValid()) {
            rows.select(at, at.siblingAtColumn(RunListModel::kColumnCount - 1));
        }
    }
    QItemSelectionModel* model = tree_->selectionModel();
    model->select(rows, QItemSelectionModel::ClearAndSelect);
    if (const QModelIndex current = model_->indexOf(selection_.current()); current.isValid()) {
        model->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        // A run picked elsewhere (a point of the sweep view) opens its folded sweep.
        if (current.parent().isValid()) {
            tree_->expand(current.parent());
        }
        tree_->scrollTo(current);
    }
    syncing_ = false;
}

void RunListView::updateButtons() {
    const bool any = !selection_.selected().empty();
    delete_->setEnabled(any);
    useSettings_->setEnabled(any);
}

}  // namespace lrscope::ui
