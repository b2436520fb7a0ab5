#include "ui/views/boundary/class_colours.hpp"

#include <array>

#include "core/base/run_palette.hpp"

namespace lrscope::ui {

QColor classColour(int label) {
    static const std::array<int, 9> kPaletteIndex = {0, 1, 2, 3, 4, 5, 7, 8, 9};
    const int count = static_cast<int>(kPaletteIndex.size());
    const int wrapped = ((label % count) + count) % count;
    return QColor::fromRgb(core::runColourRgb(kPaletteIndex[static_cast<size_t>(wrapped)]));
}

}  // namespace lrscope::ui
