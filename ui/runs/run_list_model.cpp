#include "ui/runs/run_list_model.hpp"

#include <algorithm>

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>

#include "core/base/number_format.hpp"
#include "ui/runs/training_controller.hpp"

namespace lrscope::ui {

namespace {

QString compact(double value) {
    return QString::fromStdString(core::formatCompact(value));
}

QString optimizerLabel(core::OptimizerKind kind) {
    const std::string_view name = core::optimizerDisplayName(kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QPixmap swatch(const QColor& colour) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(130), 1));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 27, 11), 3, 3);
    return pixmap;
}

// The rate last in force differs from the base rate after a live change.
std::optional<double> liveRate(const RunEntry& run) {
    for (auto it = run.history.rbegin(); it != run.history.rend(); ++it) {
        if (it->lrChangedTo) {
            return it->lrChangedTo;
        }
    }
    return std::nullopt;
}

}  // namespace

QString defaultRunName(const core::RunConfig& config) {
    return QStringLiteral("%1  lr=%2")
        .arg(optimizerLabel(config.optimizer.kind), compact(config.optimizer.lr));
}

QString legendLabel(const RunEntry& entry) {
    if (entry.divergedAt) {
        return QStringLiteral("%1  diverged @ epoch %2").arg(entry.name).arg(*entry.divergedAt);
    }
    return entry.name;
}

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent) {}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const RunEntry& run = runs_[static_cast<size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::CheckStateRole && column == Visible) {
        return run.visible ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::DecorationRole && column == Colour) {
        return swatch(run.colour);
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Visible:
                return tr("Show or hide this run on the plots");
            case Colour:
                return tr("Click to change the colour");
            case Name:
                return tr("Double-click to rename; the legend uses this name");
            case Status:
                if (run.state == RunState::Queued) {
                    return tr("Waiting for a free core; starts when a running run ends");
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
    switch (column) {
        case Visible:
        case Colour:
            return {};
        case Name:
            return run.name;
        case Optimizer:
            return optimizerLabel(run.config.optimizer.kind);
        case LearningRate: {
            const QString base = compact(run.config.optimizer.lr);
            const auto live = liveRate(run);
            return live ? QStringLiteral("%1 → %2").arg(base, compact(*live)) : base;
        }
        case Status:
            if (run.state == RunState::Diverged && run.divergedAt) {
                return tr("diverged @ %1").arg(*run.divergedAt);
            }
            return runStateName(run.state);
        case Epoch: {
            const int epoch = run.history.empty() ? 0 : run.history.back().epoch;
            return QStringLiteral("%1 / %2").arg(epoch).arg(run.config.epochs);
        }
        case BestLoss:
            return run.bestLoss ? QString::fromStdString(core::formatCompact(*run.bestLoss, 4))
                                : QString();
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole && section == BestLoss) {
        return tr("Lowest test loss so far (train loss when there is no test split)");
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
        case Optimizer:
            return tr("Optimizer");
        case LearningRate:
            return tr("Rate");
        case Status:
            return tr("Status");
        case Epoch:
            return tr("Epoch");
        case BestLoss:
            return tr("Best loss");
    }
    return {};
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount()) {
        return false;
    }
    RunEntry& run = runs_[static_cast<size_t>(index.row())];
    if (index.column() == Visible && role == Qt::CheckStateRole) {
        run.visible = value.toInt() == Qt::Checked;
        rowChanged(index.row(), Visible, Visible);
        emit visibilityChanged(run.id, run.visible);
        return true;
    }
    if (index.column() == Name && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty()) {
            return false;
        }
        run.name = name;
        rowChanged(index.row(), Name, Name);
        emit labelChanged(run.id, legendLabel(run));
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

RunEntry* RunListModel::find(core::RunId id) {
    const int row = rowOf(id);
    return row < 0 ? nullptr : &runs_[static_cast<size_t>(row)];
}

const RunEntry* RunListModel::entry(core::RunId id) const {
    const int row = rowOf(id);
    return row < 0 ? nullptr : &runs_[static_cast<size_t>(row)];
}

int RunListModel::rowOf(core::RunId id) const {
    // Ids grow with the row, so a binary search finds the row.
    const auto it =
        std::lower_bound(runs_.begin(), runs_.end(), id,
                         [](const RunEntry& run, core::RunId key) { return run.id < key; });
    if (it == runs_.end() || it->id != id) {
        return -1;
    }
    return static_cast<int>(it - runs_.begin());
}

void RunListModel::rowChanged(int row, int firstColumn, int lastColumn) {
    emit dataChanged(index(row, firstColumn), index(row, lastColumn));
}

void RunListModel::addRun(core::RunId id, const core::RunConfig& config, const QColor& colour) {
    RunEntry run;
    run.id = id;
    run.name = defaultRunName(config);
    run.colour = colour;
    run.config = config;
    // Reserved whole: growing a long history by doubling copies it all at once and stalls the
    // window (~75 ms at 64k epochs). Pages are only touched as epochs arrive.
    run.history.reserve(static_cast<size_t>(config.epochs) + 1);
    const int row = static_cast<int>(runs_.size());
    beginInsertRows({}, row, row);
    runs_.push_back(std::move(run));
    endInsertRows();
}

void RunListModel::appendRecords(core::RunId id, const std::vector<core::EpochRecord>& records) {
    RunEntry* run = find(id);
    if (run == nullptr || records.empty()) {
        return;
    }
    for (const core::EpochRecord& record : records) {
        const double loss = record.testLoss.value_or(record.trainLoss);
        if (!run->bestLoss || loss < *run->bestLoss) {
            run->bestLoss = loss;
        }
    }
    run->history.insert(run->history.end(), records.begin(), records.end());
    if (run->state == RunState::Queued) {
        run->state = RunState::Training;
        emit stateChanged(id, run->state);
    }
    rowChanged(rowOf(id), LearningRate, BestLoss);
}

void RunListModel::setState(core::RunId id, RunState state) {
    RunEntry* run = find(id);
    if (run == nullptr || isFinished(run->state) || run->state == state) {
        return;
    }
    run->state = state;
    rowChanged(rowOf(id), Status, Status);
    emit stateChanged(id, state);
}

void RunListModel::finish(core::RunId id, const RunOutcome& outcome) {
    RunEntry* run = find(id);
    if (run == nullptr) {
        return;
    }
    switch (outcome.status) {
        case core::RunStatus::Completed:
            run->state = RunState::Done;
            break;
        case core::RunStatus::Stopped:
            run->state = RunState::Stopped;
            break;
        case core::RunStatus::Diverged:
            run->state = RunState::Diverged;
            run->divergedAt = outcome.divergedAt;
            emit labelChanged(id, legendLabel(*run));
            break;
    }
    rowChanged(rowOf(id));
    emit stateChanged(id, run->state);
}

void RunListModel::fail(core::RunId id, const QString& message) {
    RunEntry* run = find(id);
    if (run == nullptr) {
        return;
    }
    run->state = RunState::Failed;
    run->failure = message;
    rowChanged(rowOf(id));
    emit stateChanged(id, run->state);
}

void RunListModel::setColour(core::RunId id, const QColor& colour) {
    RunEntry* run = find(id);
    if (run == nullptr || !colour.isValid()) {
        return;
    }
    run->colour = colour;
    rowChanged(rowOf(id), Colour, Colour);
    emit colourChanged(id, colour);
}

void RunListModel::removeRun(core::RunId id) {
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    runs_.erase(runs_.begin() + row);
    endRemoveRows();
}

void RunListModel::clear() {
    beginResetModel();
    runs_.clear();
    endResetModel();
}

}  // namespace lrscope::ui
