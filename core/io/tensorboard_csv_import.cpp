#include "core/io/tensorboard_csv_import.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/data/csv_records.hpp"

namespace lrscope::core {

namespace {

const std::vector<std::string> kCsvHeader = {"Wall time", "Step", "Value"};
constexpr std::string_view kCsvHeaderText = "'Wall time,Step,Value'";

std::string place(const std::string& source, int line, size_t column) {
    return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string found(const std::string& cell) {
    return cell.empty() ? "an empty cell" : quotedForMessage(cell);
}

void checkCsvHeader(const std::vector<std::string>& header, int line, const std::string& source) {
    for (size_t c = 0; c < kCsvHeader.size(); ++c) {
        if (c >= header.size()) {
            throw InputError(place(source, line, c + 1) +
                             "found the end of the header; expected '" + kCsvHeader[c] +
                             "' (TensorBoard's CSV header is " + std::string(kCsvHeaderText) + ")");
        }
        if (header[c] != kCsvHeader[c]) {
            throw InputError(place(source, line, c + 1) + "found " + found(header[c]) +
                             "; expected '" + kCsvHeader[c] + "' (TensorBoard's CSV header is " +
                             std::string(kCsvHeaderText) + ")");
        }
    }
    if (header.size() > kCsvHeader.size()) {
        throw InputError(place(source, line, kCsvHeader.size() + 1) + "found an extra column " +
                         found(header[kCsvHeader.size()]) + "; expected the header " +
                         std::string(kCsvHeaderText));
    }
}

// Field `index` of a row as a number; NaN and Inf only where `nonFinite` allows them. The
// message is built only on failure: this runs three times per row of a long file.
double csvNumber(const std::vector<std::string>& fields, size_t index, bool nonFinite,
                 const char* what, const std::string& source, int line) {
    const auto value = parseDouble(fields[index]);
    if (!value || (!nonFinite && !std::isfinite(*value))) {
        throw InputError(place(source, line, index + 1) + "found " + found(fields[index]) +
                         "; expected " + what);
    }
    return *value;
}

}  // namespace

ImportedSeries tensorBoardCsvFromText(std::string_view text, const std::string& source) {
    CsvRecordReader reader(text, source);
    std::vector<std::string> fields;
    int line = 0;
    if (!reader.next(fields, line)) {
        throw InputError(source + ":1:1: found an empty file; expected TensorBoard's CSV header " +
                         std::string(kCsvHeaderText));
    }
    checkCsvHeader(fields, line, source);

    ImportedSeries series;
    series.name = seriesNameOf(source);
    series.source = source;
    while (reader.next(fields, line)) {
        if (fields.size() != kCsvHeader.size()) {
            const size_t column = std::min(fields.size(), kCsvHeader.size()) + 1;
            throw InputError(place(source, line, column) + "found " +
                             std::to_string(fields.size()) +
                             (fields.size() == 1 ? " field" : " fields") +
                             "; expected 3 like the header " + std::string(kCsvHeaderText));
        }
        csvNumber(fields, 0, false, "the wall time in seconds (a finite number)", source, line);
        const double step = csvNumber(fields, 1, true, "the step (a number)", source, line);
        if (const std::string problem = stepProblem(lastStep(series), step); !problem.empty()) {
            throw InputError(place(source, line, 2) + problem);
        }
        const double value =
            csvNumber(fields, 2, true, "the value (a number, nan or inf)", source, line);
        series.points.emplace_back(step, value);
    }
    if (series.points.empty()) {
        throw InputError(place(source, reader.line(), 1) +
                         "found the end of the file after the header; expected rows of " +
                         std::string(kCsvHeaderText));
    }
    return series;
}

}  // namespace lrscope::core
