#include "ui/views/followed_run.hpp"

#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/view_context.hpp"

namespace lrscope::ui {

core::RunId followedRun(const ViewContext& context) {
    const core::RunId selected = context.selection.current();
    if (selected != 0 && context.store.run(selected) != nullptr) {
        return selected;
    }
    return context.store.empty() ? 0 : context.store.runs().back().id;
}

}  // namespace lrscope::ui
