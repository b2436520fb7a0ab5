#include "ui/runs/run_list_model.hpp"

#include <algorithm>

#include <QBrush>
#include <QFileInfo>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include "core/base/number_format.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_marker.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/sweep_summary.hpp"

namespace lrscope::ui {

namespace {

// The run's colour, with its marker in white when the palette had repeated by then.
QPixmap swatch(const QColor& colour, int styleCycle) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(130), 1));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 27, 11), 3, 3);
    painter.end();
    if (markerShape(styleCycle) != QCPScatterStyle::ssNone) {
        QCPPainter marker(&pixmap);
        marker.setRenderHint(QPainter::Antialiasing);
        QCPScatterStyle(markerShape(styleCycle), QPen(Qt::white, 1.5), Qt::NoBrush, 8)
            .drawShape(&marker, 14.0, 6.0);
    }
    return pixmap;
}

// A sweep's swatch: the colours of its first runs side by side.
QPixmap stripes(const std::vector<QColor>& colours) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    if (colours.empty()) {
        return pixmap;
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath outline;
    outline.addRoundedRect(QRectF(0.5, 0.5, 27, 11), 3, 3);
    painter.setClipPath(outline);
    const double width = 28.0 / static_cast<double>(colours.size());
    for (std::size_t i = 0; i < colours.size(); ++i) {
        painter.fillRect(QRectF(width * static_cast<double>(i), 0, width + 0.5, 12), colours[i]);
    }
    painter.setClipping(false);
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);
    return pixmap;
}

}  // namespace

RunListModel::RunListModel(RunStore& store, QObject* parent)
    : QAbstractItemModel(parent), store_(store) {
    for (const Run& run : store_.runs()) {
        insert(run.id);
    }
    connect(&store_, &RunStore::runAdded, this, &RunListModel::insert);
    connect(&store_, &RunStore::runRemoved, this, &RunListModel::remove);
    connect(&store_, &RunStore::cleared, this, [this] {
        beginResetModel();
        rows_.clear();
        endResetModel();
    });
    connect(&store_, &RunStore::recordsAppended, this,
            [this](core::RunId id) { runChanged(id, LearningRate, BestLoss); });
    connect(&store_, &RunStore::runChanged, this, [this](core::RunId id, unsigned what) {
        if (what == RunStore::Sweep) {
            // The run moves into (or out of) its sweep's row.
            remove(id);
            insert(id);
        } else if (what == RunStore::Visibility) {
            runChanged(id, Visible, Visible);
        } else if (what == RunStore::Colour) {
            runChanged(id, Colour, Colour);
        } else {
            runChanged(id, 0, kColumnCount - 1);
        }
    });
}

void RunListModel::insert(core::RunId id) {
    const Run* run = store_.run(id);
    if (run == nullptr) {
        return;
    }
    if (run->sweep != 0) {
        if (const int top = topRowOfSweep(run->sweep); top >= 0) {
            std::vector<core::RunId>& ids = rows_[static_cast<std::size_t>(top)].ids;
            const auto at = std::lower_bound(ids.begin(), ids.end(), id);
            const int row = static_cast<int>(at - ids.begin());
            beginInsertRows(index(top, 0), row, row);
            ids.insert(at, id);
            endInsertRows();
            runChanged(id, 0, kColumnCount - 1);  // the group row sums it up
            return;
        }
    }
    // Top-level rows stay in start order (the order of their first runs).
    const auto at =
        std::find_if(rows_.begin(), rows_.end(), [id](const Row& row) { return row.first() > id; });
    const int row = static_cast<int>(at - rows_.begin());
    beginInsertRows({}, row, row);
    rows_.insert(at, Row{run->sweep, {id}});
    endInsertRows();
}

void RunListModel::remove(core::RunId id) {
    const int top = topRowOf(id);
    if (top < 0) {
        return;
    }
    Row& row = rows_[static_cast<std::size_t>(top)];
    if (row.sweep != 0 && row.ids.size() > 1) {
        const auto at = std::find(row.ids.begin(), row.ids.end(), id);
        const int child = static_cast<int>(at - row.ids.begin());
        beginRemoveRows(index(top, 0), child, child);
        row.ids.erase(at);
        endRemoveRows();
        emit dataChanged(index(top, 0), index(top, kColumnCount - 1));
        return;
    }
    beginRemoveRows({}, top, top);
    rows_.erase(rows_.begin() + top);
    endRemoveRows();
}

int RunListModel::topRowOf(core::RunId id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& ids = rows_[i].ids;
        if (std::binary_search(ids.begin(), ids.end(), id)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int RunListModel::topRowOfSweep(int sweep) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].sweep == sweep) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= kColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < static_cast<int>(rows_.size()) ? createIndex(row, column, quintptr{0})
                                                    : QModelIndex();
    }
    // A run of a sweep: its internal id is the sweep's number, which stays when rows above
    // its group come and go (persistent indexes keep it).
    if (parent.internalId() != 0 || parent.row() >= static_cast<int>(rows_.size())) {
        return {};
    }
    const Row& group = rows_[static_cast<std::size_t>(parent.row())];
    if (group.sweep == 0 || row >= static_cast<int>(group.ids.size())) {
        return {};
    }
    return createIndex(row, column, static_cast<quintptr>(group.sweep));
}

QModelIndex RunListModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    const int top = topRowOfSweep(static_cast<int>(child.internalId()));
    return top < 0 ? QModelIndex() : createIndex(top, 0, quintptr{0});
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return static_cast<int>(rows_.size());
    }
    if (parent.internalId() != 0 || parent.column() != 0) {
        return 0;
    }
    const Row& row = rows_[static_cast<std::size_t>(parent.row())];
    return row.sweep != 0 ? static_cast<int>(row.ids.size()) : 0;
}

int RunListModel::columnCount(const QModelIndex&) const {
    return kColumnCount;
}

core::RunId RunListModel::idAt(const QModelIndex& index) const {
    if (!index.isValid()) {
        return 0;
    }
    if (index.internalId() != 0) {
        const int top = topRowOfSweep(static_cast<int>(index.internalId()));
        if (top < 0) {
            return 0;
        }
        const auto& ids = rows_[static_cast<std::size_t>(top)].ids;
        return index.row() < static_cast<int>(ids.size())
                   ? ids[static_cast<std::size_t>(index.row())]
                   : 0;
    }
    const Row& row = rows_.at(static_cast<std::size_t>(index.row()));
    return row.sweep == 0 ? row.first() : 0;
}

int RunListModel::sweepAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() != 0) {
        return 0;
    }
    return rows_.at(static_cast<std::size_t>(index.row())).sweep;
}

std::vector<core::RunId> RunListModel::idsAt(const QModelIndex& index) const {
    if (!index.isValid()) {
        return {};
    }
    if (index.internalId() == 0) {
        return rows_.at(static_cast<std::size_t>(index.row())).ids;
    }
    return {idAt(index)};
}

QModelIndex RunListModel::indexOf(core::RunId id, int column) const {
    const int top = topRowOf(id);
    if (top < 0) {
        return {};
    }
    const Row& row = rows_[static_cast<std::size_t>(top)];
    if (row.sweep == 0) {
        return index(top, column);
    }
    const auto at = std::lower_bound(row.ids.begin(), row.ids.end(), id);
    return index(static_cast<int>(at - row.ids.begin()), column, index(top, 0));
}

QModelIndex RunListModel::sweepIndex(int sweep, int column) const {
    const int top = sweep == 0 ? -1 : topRowOfSweep(sweep);
    return top < 0 ? QModelIndex() : index(top, column);
}

std::vector<const Run*> RunListModel::runsOf(const Row& row) const {
    std::vector<const Run*> runs;
    for (const core::RunId id : row.ids) {
        if (const Run* run = store_.run(id)) {
            runs.push_back(run);
        }
    }
    return runs;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    if (index.internalId() == 0) {
        const Row& row = rows_.at(static_cast<std::size_t>(index.row()));
        if (row.sweep != 0) {
            return sweepData(row, column, role);
        }
    }
    const Run* run = store_.run(idAt(index));
    return run == nullptr ? QVariant() : runData(*run, column, role);
}

QVariant RunListModel::sweepData(const Row& row, Column column, int role) const {
    const SweepSummary summary = summariseSweep(row.sweep, runsOf(row));
    const int count = static_cast<int>(row.ids.size());
    if (role == Qt::CheckStateRole && column == Visible) {
        return summary.visibleCount == count ? Qt::Checked
               : summary.visibleCount == 0   ? Qt::Unchecked
                                             : Qt::PartiallyChecked;
    }
    if (role == Qt::DecorationRole && column == Colour) {
        return stripes(summary.colours);
    }
    if (role == Qt::FontRole && column == Name) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Visible:
                return tr("Show or hide all %1 runs of this sweep").arg(count);
            case Name:
                return tr(
                    "The runs of one sweep (Run > Sweep learning rates...); "
                    "the arrow folds them away");
            case BestLoss:
                return summary.bestRun.isEmpty() ? QString() : tr("Of %1").arg(summary.bestRun);
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (column == LearningRate || column == Epoch || column == BestLoss)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (column) {
        case Visible:
        case Colour:
            return {};
        case Name:
            return summary.name;
        case Data:
            return summary.data;
        case Optimizer:
            return summary.optimizers;
        case LearningRate:
            return summary.rates;
        case Status:
            return summary.status;
        case Epoch:
            return summary.epochs;
        case BestLoss:
            return summary.bestLoss
                       ? QString::fromStdString(core::formatCompact(*summary.bestLoss, 4))
                       : QString();
    }
    return {};
}

QVariant RunListModel::runData(const Run& run, Column column, int role) const {
    if (role == Qt::CheckStateRole && column == Visible) {
        return run.visible ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::DecorationRole && column == Colour) {
        return swatch(run.colour, run.styleCycle);
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Visible:
                return tr("Show or hide this run on the plots");
            case Colour:
                return tr("Click to change the colour");
            case Name:
                return tr("Double-click to rename; the legend uses this name");
            case Data:
                return runSettingsSummary(run.config);
            case Status:
                if (run.state == RunState::Queued) {
                    return tr("Waiting for a free training slot; starts when a running run ends");
                }
                if (run.state == RunState::Failed) {
                    return run.failure;
                }
                return {};
            default:
                return {};
        }
    }
    if (role == Qt::ForegroundRole && column == Status) {
        if (run.state == RunState::Diverged || run.state == RunState::Failed) {
            return QBrush(QColor(0xB3, 0x47, 0x00));
        }
        if (run.state == RunState::Queued || run.state == RunState::Paused) {
            return QBrush(QColor(0x66, 0x66, 0x66));
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole &&
        (column == LearningRate || column == Epoch || column == BestLoss)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    if (run.imported()) {
        // What another tool's file tells: where it came from; a curve has no settings.
        const bool curve = !run.importedPoints.empty();
        if (column == Data) {
            return QFileInfo(run.importedFrom).fileName();
        }
        if (curve && (column == Optimizer || column == LearningRate)) {
            return QString();
        }
        if (curve && column == Epoch) {
            return tr("step %1").arg(compactNumber(run.importedPoints.back()[0]));
        }
    }
    switch (column) {
        case Visible:
        case Colour:
            return {};
        case Name:
            return role == Qt::EditRole ? run.name : listedName(run);
        case Data:
            return dataSetName(run.config.data);
        case Optimizer:
            return optimizerLabel(run.config.optimizer.kind);
        case LearningRate: {
            const QString base = compactNumber(run.config.optimizer.lr);
            return run.lrChanges.empty() ? base
                                         : QStringLiteral("%1 → %2").arg(
                                               base, compactNumber(run.lrChanges.back().lr));
        }
        case Status:
            if (run.state == RunState::Diverged && run.divergedAt) {
                return tr("diverged @ %1").arg(*run.divergedAt);
            }
            return runStateName(run.state);
        case Epoch:
            return QStringLiteral("%1 / %2").arg(run.lastEpoch()).arg(run.config.epochs);
        case BestLoss: {
            const auto& best = run.bestTestLoss ? run.bestTestLoss : run.bestTrainLoss;
            return best ? QString::fromStdString(core::formatCompact(*best, 4)) : QString();
        }
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole && section == BestLoss) {
        return tr("Lowest test loss so far (lowest train loss for a run without a test split)");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
        case Visible:
            return tr("Show");
        case Colour:
            return tr("Colour");
        case Name:
            return tr("Name");
        case Data:
            return tr("Data");
        case Optimizer:
            return tr("Optimizer");
        case LearningRate:
            return tr("Rate");
        case Status:
            return tr("Status");
        case Epoch:
            return tr("Epoch");
        case BestLoss:
            return tr("Best test loss");
    }
    return {};
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid()) {
        return false;
    }
    if (index.column() == Visible && role == Qt::CheckStateRole) {
        // A sweep's box shows or hides all of its runs; a partly shown sweep is shown.
        const bool visible = value.toInt() != Qt::Unchecked;
        for (const core::RunId id : idsAt(index)) {
            store_.setVisible(id, visible);
        }
        return true;
    }
    const core::RunId id = idAt(index);
    if (id != 0 && index.column() == Name && role == Qt::EditRole) {
        if (value.toString().trimmed().isEmpty()) {
            return false;
        }
        store_.setName(id, value.toString());
        return true;
    }
    return false;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags result = QAbstractItemModel::flags(index);
    if (index.column() == Visible) {
        result |= Qt::ItemIsUserCheckable;
    }
    if (index.column() == Name && idAt(index) != 0) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

void RunListModel::runChanged(core::RunId id, int firstColumn, int lastColumn) {
    const QModelIndex at = indexOf(id, firstColumn);
    if (!at.isValid()) {
        return;
    }
    emit dataChanged(at, at.siblingAtColumn(lastColumn));
    // A sweep's row sums its runs up: it changes with them.
    if (const QModelIndex group = at.parent(); group.isValid()) {
        emit dataChanged(group.siblingAtColumn(firstColumn), group.siblingAtColumn(lastColumn));
    }
}

}  // namespace lrscope::ui
