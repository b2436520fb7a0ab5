#include "ui/runs/run_palette.hpp"

#include "core/base/run_palette.hpp"

namespace lrscope::ui {

QColor runColour(int index) {
    return QColor::fromRgb(static_cast<QRgb>(core::runColourRgb(index)));
}

}  // namespace lrscope::ui
