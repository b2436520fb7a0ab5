// Saves two generations of a large session to argv[1] in turn, for ever, so a test can kill
// it at any moment of a save. Writes "ready\n" on stdout once both sessions are built, "text\n"
// when a save's text is made and its writing begins, and "saved\n" after every completed save.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/base/atomic_file.hpp"
#include "core/io/session_file.hpp"
#include "tests/tools/large_session.hpp"

namespace {

void say(const char* line) {
    const std::string text = std::string(line) + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) < 0) {
        std::_Exit(3);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: session_save_loop FILE\n");
        return 2;
    }
    const lrscope::core::Session sessions[2] = {lrscope::test::largeSession(0),
                                                lrscope::test::largeSession(1)};
    say("ready");
    // writeSessionFile in its two steps, so the test can aim its kills at the writing.
    for (int i = 1;; ++i) {
        const std::string text = lrscope::core::sessionToJsonText(sessions[i % 2]);
        say("text");
        lrscope::core::writeFileAtomically(argv[1], text);
        say("saved");
    }
}
