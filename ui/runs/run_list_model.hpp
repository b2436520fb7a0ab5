#pragma once

#include <vector>

#include <QAbstractItemModel>

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

class RunStore;
struct Run;

// The run list as a tree over the RunStore: a row per run, in start order, with a visibility
// check box, colour swatch, editable name, data set, optimizer, learning rate, status, epoch
// and best test loss. The runs of a sweep sit under one group row that sums them up (rates,
// progress, best loss) and whose check box shows or hides them all. Edits go to the store; the
// store's signals move the rows. The model keeps the ids of its rows, so the rows it reports
// always match what the views were told (the store has already changed when it signals).
class RunListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Visible, Colour, Name, Data, Optimizer, LearningRate, Status, Epoch, BestLoss };
    static constexpr int kColumnCount = 9;

    explicit RunListModel(RunStore& store, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The run of a run row; 0 for a sweep's group row or an invalid index.
    core::RunId idAt(const QModelIndex& index) const;
    // The sweep of a group row; 0 for a run row.
    int sweepAt(const QModelIndex& index) const;
    // The runs a row stands for: its run, or every run of its sweep.
    std::vector<core::RunId> idsAt(const QModelIndex& index) const;
    // Where a run is listed (invalid when unknown), and a sweep's group row.
    QModelIndex indexOf(core::RunId id, int column = Name) const;
    QModelIndex sweepIndex(int sweep, int column = Name) const;
    RunStore& store() const { return store_; }

private:
    // A top-level row: one run, or the runs of one sweep (ids in order).
    struct Row {
        int sweep = 0;
        std::vector<core::RunId> ids;
        core::RunId first() const { return ids.front(); }
    };

    void insert(core::RunId id);
    void remove(core::RunId id);
    int topRowOf(core::RunId id) const;  // the top-level row holding the run, -1 when none
    int topRowOfSweep(int sweep) const;
    std::vector<const Run*> runsOf(const Row& row) const;
    QVariant runData(const Run& run, Column column, int role) const;
    QVariant sweepData(const Row& row, Column column, int role) const;
    void runChanged(core::RunId id, int firstColumn, int lastColumn);

    RunStore& store_;
    std::vector<Row> rows_;  // by first id
};

}  // namespace lrscope::ui
