#include "core/base/run_palette.hpp"

#include <cstdio>

namespace lrscope::core {

std::uint32_t runColourRgb(int index) {
    const int count = static_cast<int>(kRunColours.size());
    const int wrapped = ((index % count) + count) % count;
    return kRunColours[static_cast<size_t>(wrapped)];
}

int runStyleCycle(int index) {
    const int count = static_cast<int>(kRunColours.size());
    return index < 0 ? 0 : index / count;
}

std::string runColourHex(int index) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(runColourRgb(index)));
    return text;
}

}  // namespace lrscope::core
