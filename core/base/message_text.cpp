#include "core/base/message_text.hpp"

namespace lrscope::core {

std::string escapedForMessage(std::string_view text, std::size_t max_shown) {
    std::string shown;
    for (const char c : text.substr(0, max_shown)) {
        if (c == '\n') {
            shown += "\\n";
        } else if (c == '\r') {
            shown += "\\r";
        } else if (c == '\t') {
            shown += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            constexpr std::string_view kHex = "0123456789abcdef";
            const auto byte = static_cast<unsigned char>(c);
            shown += "\\x";
            shown.push_back(kHex[static_cast<size_t>(byte >> 4)]);
            shown.push_back(kHex[static_cast<size_t>(byte & 0xf)]);
        } else {
            shown.push_back(c);
        }
    }
    if (text.size() > max_shown) {
        shown += "...";
    }
    return shown;
}

std::string quotedForMessage(std::string_view text, std::size_t max_shown) {
    return "'" + escapedForMessage(text, max_shown) + "'";
}

}  // namespace lrscope::core
