#include "ui/runs/run_list_model.hpp"

#include <algorithm>

#include <QBrush>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>

#include "core/base/number_format.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_marker.hpp"
#include "ui/runs/run_store.hpp"

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

}  // namespace

RunListModel::RunListModel(RunStore& store, QObject* parent)
    : QAbstractTableModel(parent), store_(store) {
    for (const Run& run : store_.runs()) {
        ids_.push_back(run.id);
    }
    connect(&store_, &RunStore::runAdded, this, [this](core::RunId id) {
        const auto at = std::lower_bound(ids_.begin(), ids_.end(), id);
        const int row = static_cast<int>(at - ids_.begin());
        beginInsertRows({}, row, row);
        ids_.insert(at, id);
        endInsertRows();
    });
    connect(&store_, &RunStore::runRemoved, this, [this](core::RunId id) {
        const int row = rowOf(id);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            ids_.erase(ids_.begin() + row);
            endRemoveRows();
        }
    });
    connect(&store_, &RunStore::cleared, this, [this] {
        beginResetModel();
        ids_.clear();
        endResetModel();
    });
    connect(&store_, &RunStore::recordsAppended, this,
            [this](core::RunId id) { rowChanged(rowOf(id), LearningRate, BestLoss); });
    connect(&store_, &RunStore::runChanged, this, [this](core::RunId id, unsigned what) {
        const int row = rowOf(id);
        if (what == RunStore::Visibility) {
            rowChanged(row, Visible, Visible);
        } else if (what == RunStore::Colour) {
            rowChanged(row, Colour, Colour);
        } else {
            rowChanged(row);
        }
    });
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

const Run& RunListModel::runAt(int row) const {
    return *store_.run(ids_.at(static_cast<size_t>(row)));
}

core::RunId RunListModel::idAt(int row) const {
    return ids_.at(static_cast<size_t>(row));
}

int RunListModel::rowOf(core::RunId id) const {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it == ids_.end() || *it != id ? -1 : static_cast<int>(it - ids_.begin());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Run* found = store_.run(ids_[static_cast<size_t>(index.row())]);
    if (found == nullptr) {
        return {};
    }
    const Run& run = *found;
    const auto column = static_cast<Column>(index.column());
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
    if (!index.isValid() || index.row() >= rowCount()) {
        return false;
    }
    const core::RunId id = idAt(index.row());
    if (index.column() == Visible && role == Qt::CheckStateRole) {
        store_.setVisible(id, value.toInt() == Qt::Checked);
        return true;
    }
    if (index.column() == Name && role == Qt::EditRole) {
        if (value.toString().trimmed().isEmpty()) {
            return false;
        }
        store_.setName(id, value.toString());
        return true;
    }
    return false;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.column() == Visible) {
        result |= Qt::ItemIsUserCheckable;
    }
    if (index.column() == Name) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

void RunListModel::rowChanged(int row, int firstColumn, int lastColumn) {
    if (row >= 0) {
        emit dataChanged(index(row, firstColumn), index(row, lastColumn));
    }
}

}  // namespace lrscope::ui
