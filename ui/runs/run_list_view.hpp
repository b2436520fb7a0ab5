#pragma once

#include <set>
#include <vector>

#include <QTimer>
#include <QWidget>

#include "core/training/epoch_record.hpp"

class QPushButton;
class QTreeView;

namespace lrscope::ui {

class RunListModel;
class RunSelection;
class RunStore;

// The run list with its own actions: delete the selected runs, copy a run's settings back
// into the panel, change a run's colour (click the swatch), rename (double-click the name)
// and show or hide runs (check box). A sweep's runs are folded under one row: selecting that
// row selects them all, and its box shows or hides them all. The tree's selection is the
// shared RunSelection, both ways; a new run scrolls into view, and a run selected elsewhere
// opens its sweep.
class RunListView : public QWidget {
    Q_OBJECT
public:
    RunListView(RunStore& store, RunSelection& selection, QWidget* parent = nullptr);

    QTreeView* tree() const { return tree_; }
    RunListModel* model() const { return model_; }

signals:
    void deleteRequested(const std::vector<lrscope::core::RunId>& ids);
    void useSettingsRequested(lrscope::core::RunId id);

private:
    void updateButtons();
    void fitColumns();
    void takeSelectionFromTable();
    void showSelection();

    RunStore& store_;
    RunSelection& selection_;
    RunListModel* model_;
    QTreeView* tree_;
    QPushButton* delete_;
    QPushButton* useSettings_;
    bool syncing_ = false;
    QTimer scrollToNewest_;
    QTimer fitColumns_;
    std::set<int> userSized_;  // columns the user has resized: not fitted any more
    bool fitting_ = false;
    core::RunId newest_ = 0;
};

}  // namespace lrscope::ui
