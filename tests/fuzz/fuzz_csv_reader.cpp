// The data CSV reader: parseCsv, then both conversions a file goes through (the shape the
// panel shows before training, and the data set itself) for each task.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/csv_reader.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace lrscope;

namespace {

void convert(const core::CsvTable& table, const core::CsvDataOptions& options) {
    const std::string source = "fuzz.csv";
    core::DataShape shape;
    const bool shaped =
        fuzz::parsesOrRejects([&] { shape = core::tableShape(table, options, source); });
    core::Dataset data;
    const bool converted =
        fuzz::parsesOrRejects([&] { data = core::tableToDataset(table, options, source); });
    if (!converted) {
        return;
    }
    // tableShape() checks less than tableToDataset(), so it must accept whatever converts,
    // and announce the shape the conversion then gives.
    fuzz::check(shaped, "tableToDataset accepted a table that tableShape rejected");
    fuzz::check(shape.inputs == data.featureCount(), "tableShape's inputs differ");
    fuzz::check(shape.outputs == data.outputCount(), "tableShape's outputs differ");
    fuzz::check(shape.rows == static_cast<long>(data.sampleCount()), "tableShape's rows differ");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    core::CsvTable table;
    if (!fuzz::parsesOrRejects([&] { table = core::parseCsv(text, "fuzz.csv"); })) {
        return 0;
    }
    for (const core::Task task : {core::Task::Classify, core::Task::Regress}) {
        core::CsvDataOptions options;
        options.task = task;
        convert(table, options);
        // The first column by name, and by index with a row limit.
        options.target = table.header.front();
        convert(table, options);
        options.target = "0";
        options.maxRows = 2;
        convert(table, options);
    }
    return 0;
}
