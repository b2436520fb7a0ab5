#include "ui/runs/run_selection.hpp"

#include <algorithm>

#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

RunSelection::RunSelection(RunStore& store, QObject* parent) : QObject(parent), store_(store) {
    connect(&store_, &RunStore::runRemoved, this, [this](core::RunId id) {
        if (contains(id)) {
            std::vector<core::RunId> rest = selected_;
            std::erase(rest, id);
            select(std::move(rest), current_ == id ? 0 : current_);
        }
    });
    connect(&store_, &RunStore::cleared, this, [this] { clear(); });
}

bool RunSelection::contains(core::RunId id) const {
    return std::find(selected_.begin(), selected_.end(), id) != selected_.end();
}

void RunSelection::select(std::vector<core::RunId> ids, core::RunId current) {
    std::erase_if(ids, [this](core::RunId id) { return store_.run(id) == nullptr; });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (std::find(ids.begin(), ids.end(), current) == ids.end()) {
        current = ids.empty() ? 0 : ids.back();
    }
    if (ids == selected_ && current == current_) {
        return;
    }
    selected_ = std::move(ids);
    current_ = current;
    emit changed();
}

}  // namespace lrscope::ui
