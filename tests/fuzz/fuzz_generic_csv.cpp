// Any CSV log with a step column (Import runs with the column picker, plot --import with
// --x-column / --y-column). Whatever it accepts is one or more series, each with finite,
// never decreasing steps; the first input byte, when it is a digit, picks the x column by
// index so that explicit columns are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/io/generic_csv_import.hpp"
#include "tests/fuzz/import_check.hpp"

using namespace lrscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(bytes), size);
    core::CsvSeriesColumns columns;
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
        columns.x = std::string(1, text[0]);
        text.erase(0, 1);
    }
    std::vector<core::ImportedSeries> series;
    if (fuzz::parsesOrRejects(
            [&] { series = core::genericCsvFromText(text, "fuzz.csv", columns); })) {
        fuzz::check(!series.empty(), "a CSV log without a value column was accepted");
        for (const auto& one : series) {
            fuzz::checkSeries(one);
        }
    }
    return 0;
}
