#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

class RunStore;
struct Run;

// The run list as a table over the RunStore: one row per run, in start order, with a
// visibility check box, colour swatch, editable name, data set, optimizer, learning rate,
// status, epoch and best test loss. Edits go to the store; the store's signals move the rows.
// The model keeps the ids of its rows, so the rows it reports always match what the views
// were told (the store has already changed when it signals).
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Visible, Colour, Name, Data, Optimizer, LearningRate, Status, Epoch, BestLoss };
    static constexpr int kColumnCount = 9;

    explicit RunListModel(RunStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    const Run& runAt(int row) const;
    core::RunId idAt(int row) const;
    int rowOf(core::RunId id) const;  // -1 when unknown
    RunStore& store() const { return store_; }

private:
    void rowChanged(int row, int firstColumn = 0, int lastColumn = kColumnCount - 1);

    RunStore& store_;
    std::vector<core::RunId> ids_;  // the rows, in id order
};

}  // namespace lrscope::ui
