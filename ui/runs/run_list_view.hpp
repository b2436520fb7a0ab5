#pragma once

#include <vector>

#include <QWidget>

#include "core/training/epoch_record.hpp"

class QPushButton;
class QTableView;

namespace lrscope::ui {

class RunListModel;

// The run list with its own actions: delete the selected runs, copy a run's settings back
// into the panel, change a run's colour (click the swatch), rename (double-click the
// name) and show or hide runs (check box).
class RunListView : public QWidget {
    Q_OBJECT
public:
    explicit RunListView(RunListModel* model, QWidget* parent = nullptr);

    // The current run (the selection's last row), or 0 when nothing is selected.
    core::RunId currentRun() const;
    std::vector<core::RunId> selectedRuns() const;
    void selectRun(core::RunId id);
    QTableView* table() const { return table_; }

signals:
    void currentRunChanged(lrscope::core::RunId id);
    void deleteRequested(const std::vector<lrscope::core::RunId>& ids);
    void useSettingsRequested(lrscope::core::RunId id);

private:
    void updateButtons();

    RunListModel* model_;
    QTableView* table_;
    QPushButton* delete_;
    QPushButton* useSettings_;
};

}  // namespace lrscope::ui
