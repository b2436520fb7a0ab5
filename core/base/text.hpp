#pragma once

#include <string>
#include <string_view>

namespace lrscope::core {

// ASCII case folding for names typed by users (flags, kernels, column names); non-ASCII
// bytes are compared as they are.
char lowerAscii(char c);
std::string lowerAscii(std::string_view text);
bool equalsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace lrscope::core
