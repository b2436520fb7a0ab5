#pragma once

class QWidget;

namespace lrscope::ui {

// Shows the dock holding a view's widget and puts it in front of the docks tabbed with it,
// e.g. when the user starts a range test from the Run menu. Does nothing for the central view.
void bringViewForward(QWidget* viewWidget);

}  // namespace lrscope::ui
