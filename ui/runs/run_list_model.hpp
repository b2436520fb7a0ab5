#pragma once

#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QColor>

#include "core/training/epoch_record.hpp"
#include "core/training/run_config.hpp"
#include "ui/runs/run_state.hpp"

namespace lrscope::ui {

struct RunOutcome;

// Everything the window knows about one run.
struct RunEntry {
    core::RunId id = 0;
    QString name;
    QColor colour;
    core::RunConfig config;
    RunState state = RunState::Queued;
    bool visible = true;
    std::vector<core::EpochRecord> history;
    std::optional<double> bestLoss;  // lowest test loss (train loss without a test split)
    std::optional<int> divergedAt;
    QString failure;
};

// "Adam  lr=3e-3": the default name of a run with these settings.
QString defaultRunName(const core::RunConfig& config);
// The name as the plot legend shows it, e.g. "SGD  lr=10  diverged @ epoch 37".
QString legendLabel(const RunEntry& entry);

// The run list: one row per run with a visibility check box, colour swatch, editable name,
// optimizer, learning rate, status, epoch and best loss. Rows are in start order.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Visible, Colour, Name, Optimizer, LearningRate, Status, Epoch, BestLoss };
    static constexpr int kColumnCount = 8;

    explicit RunListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void addRun(core::RunId id, const core::RunConfig& config, const QColor& colour);
    void appendRecords(core::RunId id, const std::vector<core::EpochRecord>& records);
    void setState(core::RunId id, RunState state);
    void finish(core::RunId id, const RunOutcome& outcome);
    void fail(core::RunId id, const QString& message);
    void setColour(core::RunId id, const QColor& colour);
    void removeRun(core::RunId id);
    void clear();

    const RunEntry* entry(core::RunId id) const;
    const RunEntry& entryAt(int row) const { return runs_[static_cast<size_t>(row)]; }
    int rowOf(core::RunId id) const;  // -1 when unknown
    const std::vector<RunEntry>& runs() const { return runs_; }

signals:
    void visibilityChanged(lrscope::core::RunId id, bool visible);
    void colourChanged(lrscope::core::RunId id, const QColor& colour);
    // The legend label changed (renamed, diverged).
    void labelChanged(lrscope::core::RunId id, const QString& label);
    // The state changed (e.g. training -> paused).
    void stateChanged(lrscope::core::RunId id, lrscope::ui::RunState state);

private:
    RunEntry* find(core::RunId id);
    void rowChanged(int row, int firstColumn = 0, int lastColumn = kColumnCount - 1);

    std::vector<RunEntry> runs_;
};

}  // namespace lrscope::ui
