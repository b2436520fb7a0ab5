#pragma once

#include <QColor>

namespace lrscope::ui {

// The colour of class `label` in the boundary view and the probability bars: core's run
// palette without its black (a black class would hide the points drawn over it).
QColor classColour(int label);

}  // namespace lrscope::ui
