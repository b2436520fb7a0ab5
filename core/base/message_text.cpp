#include "core/base/message_text.hpp"

namespace lrscope::core {

std::string escapedForMessage(std::string_view text, std::size_t maxShown) {
    std::string shown;
    for (const char c : text.substr(0, maxShown)) {
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
    if (text.size() > maxShown) {
        shown += "...";
    }
    return shown;
}

std::string quotedForMessage(std::string_view text, std::size_t maxShown) {
    return "'" + escapedForMessage(text, maxShown) + "'";
}

}  // namespace lrscope::core
