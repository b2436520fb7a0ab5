#include "core/base/run_palette.hpp"

#include <cstdio>

namespace lrscope::core {

std::string runColourHex(int index) {
    const int count = static_cast<int>(kRunColours.size());
    const int wrapped = ((index % count) + count) % count;
    char text[8];
    std::snprintf(text, sizeof text, "#%06x",
                  static_cast<unsigned>(kRunColours[static_cast<size_t>(wrapped)]));
    return text;
}

}  // namespace lrscope::core
