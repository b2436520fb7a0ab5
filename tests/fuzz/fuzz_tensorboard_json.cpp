// TensorBoard's Json download of a scalar tag (Import runs, drag and drop, plot --import).
// Whatever it accepts is a series with finite, never decreasing steps.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/tensorboard_json_import.hpp"
#include "tests/fuzz/import_check.hpp"

using namespace lrscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    core::ImportedSeries series;
    if (fuzz::parsesOrRejects([&] { series = core::tensorBoardJsonFromText(text, "fuzz.json"); })) {
        fuzz::checkSeries(series);
    }
    return 0;
}
