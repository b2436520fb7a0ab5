#include "ui/views/followed_run.hpp"

#include <vector>

#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

core::RunId followedRun(const ViewContext& context) {
    const core::RunId selected = context.selection.current();
    if (selected != 0 && context.store.run(selected) != nullptr) {
        return selected;
    }
    // Runs start in id order. A continued run waiting to go on has trained before: it stays.
    const std::vector<Run>& runs = context.store.runs();
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        if (run->state != RunState::Queued || !run->history.empty()) {
            return run->id;
        }
    }
    return runs.empty() ? 0 : runs.back().id;
}

}  // namespace lrscope::ui
