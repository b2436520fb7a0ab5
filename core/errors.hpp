#pragma once

#include <stdexcept>
#include <string>

namespace lrscope::core {

// Bad input from the user: a file, a flag or a setting. The message is one line that says
// what is wrong, where (file:line:column, JSON path or flag) and what was expected.
// The CLI maps it to exit code 2; the GUI shows it and keeps its current state.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace lrscope::core
