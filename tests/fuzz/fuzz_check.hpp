#pragma once

// What every fuzz target treats as a finding besides a crash, a sanitizer report or a hang.

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "core/base/errors.hpp"

namespace lrscope::fuzz {

// Stops the run with a message; libFuzzer then saves the input that caused it.
[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
    std::abort();
}

inline void check(bool holds, const char* what) {
    if (!holds) {
        finding(what);
    }
}

// Runs `parse` on one input. A core::InputError is how a parser turns bad input away, so it
// is the expected outcome, provided its message is the one line the house promises. Any
// other exception escaping a parser is a finding. Returns whether `parse` succeeded.
template <typename Parse>
bool parsesOrRejects(Parse&& parse) {
    try {
        parse();
        return true;
    } catch (const core::InputError& error) {
        const std::string_view message = error.what();
        if (message.empty() || message.find_first_of("\r\n") != std::string_view::npos) {
            finding("InputError message is not one line: " + std::string(message));
        }
        return false;
    } catch (const std::exception& other) {
        finding(std::string("an exception other than InputError escaped: ") + other.what());
    }
}

}  // namespace lrscope::fuzz
