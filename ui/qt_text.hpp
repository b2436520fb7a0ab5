#pragma once

#include <string_view>

#include <QString>

namespace lrscope::ui {

// Core's names and messages (UTF-8, std::string_view) as Qt text.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace lrscope::ui
