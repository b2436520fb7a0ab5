#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lrscope::core {

// Text from a file as a one-line message shows it: line breaks, tabs and other control
// characters escaped (\n, \t, \x1b), cut after max_shown characters with "...".
std::string escapedForMessage(std::string_view text, std::size_t maxShown);

// The same between single quotes: 'abc'.
std::string quotedForMessage(std::string_view text, std::size_t maxShown = 40);

}  // namespace lrscope::core
