#pragma once

#include <memory>
#include <vector>

#include "ui/views/run_view.hpp"

class QWidget;

namespace lrscope::ui {

struct ViewContext;

// Every view of the window, in the order the View menu lists them. Adding a view is one new
// folder under ui/views/ and one line in view_registry.cpp.
std::vector<std::unique_ptr<RunView>> makeViews(const ViewContext& context, QWidget* parent);

}  // namespace lrscope::ui
