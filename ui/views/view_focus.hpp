#pragma once

class QWidget;

namespace lrscope::ui {

// Shows the dock holding a view's widget and puts it in front of the docks tabbed with it,
// e.g. when the user starts a range test from the Run menu. Does nothing for the central view.
void bringViewForward(QWidget* viewWidget);
// Makes a docked view at least `height` pixels tall (taking it from the central view), e.g.
// when a plot that needs room starts drawing; never shrinks it, and leaves floating docks be.
void growViewTo(QWidget* viewWidget, int height);

}  // namespace lrscope::ui
