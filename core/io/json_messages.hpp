#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace lrscope::core {

// Pieces of the messages about JSON files (weights, settings).

// A JSON value as a message shows it: short values verbatim ("abc" with its quotes, 1.5,
// true), longer ones cut, containers by kind ("an object", "an array").
std::string describeJson(const nlohmann::json& value);

// nlohmann's parse error as a message: "[json.exception.parse_error.101] parse error at line
// 3, column 5: syntax error ..." -> "line 3, column 5: invalid JSON (syntax error ...)".
std::string jsonParseErrorText(const std::string& what);

}  // namespace lrscope::core
