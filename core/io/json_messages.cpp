#include "core/io/json_messages.hpp"

#include <nlohmann/json.hpp>

namespace lrscope::core {

namespace {

// nlohmann's "last read: '"layers": [<U+000A>    {w'" shows everything since the last
// token; the part on the error's own line is enough: "last read: '{w'".
std::string lastLineOfLastRead(std::string message) {
    const std::string marker = "last read: '";
    const std::string newline = "<U+000A>";
    const auto start = message.find(marker);
    if (start == std::string::npos) {
        return message;
    }
    const auto token = start + marker.size();
    const auto close = message.find("'; ", token);
    const auto end = close == std::string::npos ? message.size() : close;
    const auto lastNewline = message.rfind(newline, end);
    if (lastNewline == std::string::npos || lastNewline < token) {
        return message;
    }
    auto keep = lastNewline + newline.size();
    while (keep < end && (message[keep] == ' ' || message[keep] == '\t')) {
        ++keep;
    }
    message.erase(token, keep - token);
    return message;
}

}  // namespace

using Json = nlohmann::json;

std::string describeJson(const Json& value) {
    if (value.is_object()) {
        return "an object";
    }
    if (value.is_array()) {
        return "an array";
    }
    std::string text = value.dump();
    if (text.size() > 40) {
        text = text.substr(0, 40) + "...";
    }
    return text;
}

std::string jsonParseErrorText(const std::string& what) {
    std::string message = lastLineOfLastRead(what);
    if (const auto bracket = message.find("] ");
        message.starts_with("[json.") && bracket != std::string::npos) {
        message = message.substr(bracket + 2);
    }
    const std::string at = "parse error at ";
    if (message.starts_with(at)) {
        const auto colon = message.find(": ", at.size());
        if (colon != std::string::npos) {
            return message.substr(at.size(), colon - at.size()) + ": invalid JSON (" +
                   message.substr(colon + 2) + ")";
        }
    }
    return "invalid JSON (" + message + ")";
}

}  // namespace lrscope::core
