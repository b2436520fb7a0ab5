// The session reader (File > Open, drag and drop, plot --session, merge). Whatever it accepts
// must pass sessionProblem(), be writable, and read back to a session that writes the same
// text again: a session that opens must also save and reopen exactly.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/session_file.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace lrscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    core::Session session;
    if (!fuzz::parsesOrRejects(
            [&] { session = core::sessionFromJsonText(text, "fuzz.lrscope"); })) {
        return 0;
    }
    fuzz::check(!core::sessionProblem(session).has_value(),
                "the reader accepted a session that sessionProblem() rejects");
    std::string written;
    fuzz::check(fuzz::parsesOrRejects([&] { written = core::sessionToJsonText(session); }),
                "the writer refuses a session the reader accepted");
    core::Session reread;
    fuzz::check(
        fuzz::parsesOrRejects([&] { reread = core::sessionFromJsonText(written, "written"); }),
        "the reader rejects what the writer wrote");
    fuzz::check(core::sessionToJsonText(reread) == written,
                "a session written, read and written again changed");
    return 0;
}
