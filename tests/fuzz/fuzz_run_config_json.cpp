// The RunConfig JSON reader (presets, the window's last panel state). Whatever it accepts
// must be written and read back to the same settings.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io/run_config_json.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace lrscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    core::RunConfig config;
    if (!fuzz::parsesOrRejects([&] { config = core::runConfigFromJsonText(text); })) {
        return 0;
    }
    const std::string written = core::runConfigToJsonText(config);
    core::RunConfig reread;
    fuzz::check(fuzz::parsesOrRejects([&] { reread = core::runConfigFromJsonText(written); }),
                "the reader rejects what the writer wrote");
    fuzz::check(core::runConfigToJsonText(reread) == written, "a setting changed on the way back");
    return 0;
}
