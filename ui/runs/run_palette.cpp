#include "ui/runs/run_palette.hpp"

#include <array>

namespace lrscope::ui {

QColor runColour(int index) {
    static constexpr std::array<QRgb, kRunColourCount> kColours = {
        0x0072B2,  // blue
        0xD55E00,  // vermillion
        0x009E73,  // bluish green
        0xCC79A7,  // reddish purple
        0xE69F00,  // orange
        0x56B4E9,  // sky blue
        0x000000,  // black
        0x882255,  // wine
        0x999933,  // olive
        0x332288,  // indigo
    };
    const int wrapped = ((index % kRunColourCount) + kRunColourCount) % kRunColourCount;
    return QColor::fromRgb(kColours[static_cast<size_t>(wrapped)]);
}

}  // namespace lrscope::ui
