#pragma once

#include <vector>

#include <QObject>

#include "core/training/epoch_record.hpp"

namespace lrscope::ui {

class RunStore;

// Which runs the user has selected, shared by the run list and every view (a view that shows
// one run follows the current one; clicking a point in a view selects its run). Removed runs
// leave the selection by themselves.
class RunSelection : public QObject {
    Q_OBJECT
public:
    explicit RunSelection(RunStore& store, QObject* parent = nullptr);

    // The run the user acted on last among the selected ones; 0 when none is selected.
    core::RunId current() const { return current_; }
    const std::vector<core::RunId>& selected() const { return selected_; }
    bool contains(core::RunId id) const;

    // Selects exactly these runs (unknown ids are dropped); `current` must be one of them,
    // else the last one is current.
    void select(std::vector<core::RunId> ids, core::RunId current = 0);
    void selectOnly(core::RunId id) { select({id}, id); }
    void clear() { select({}); }

signals:
    void changed();

private:
    RunStore& store_;
    std::vector<core::RunId> selected_;
    core::RunId current_ = 0;
};

}  // namespace lrscope::ui
