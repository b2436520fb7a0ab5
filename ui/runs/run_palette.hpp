#pragma once

#include <QColor>

namespace lrscope::ui {

// The colour of the run at `index` from core's palette (core/base/run_palette.hpp), which the
// window and the CLI's session files share.
QColor runColour(int index);

}  // namespace lrscope::ui
