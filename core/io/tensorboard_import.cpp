#include "core/io/tensorboard_import.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/data/csv_records.hpp"
#include "core/io/json_messages.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

const std::vector<std::string> kCsvHeader = {"Wall time", "Step", "Value"};
constexpr std::string_view kCsvHeaderText = "'Wall time,Step,Value'";
constexpr std::string_view kJsonRow = "[wall_time, step, value]";

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

// A CSV cell as a number; NaN and Inf only where `nonFinite` allows them.
double csvNumber(const std::string& cell, bool nonFinite, const std::string& what,
                 const std::string& where) {
    const auto value = parseDouble(cell);
    if (!value || (!nonFinite && !std::isfinite(*value))) {
        throw InputError(where + "found " + found(cell) + "; expected " + what);
    }
    return *value;
}

// The string TensorBoard writes for a non-finite value, or nullopt.
std::optional<double> nonFiniteSpelling(const Json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
        return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
        return -std::numeric_limits<double>::infinity();
    }
    return std::nullopt;
}

std::string describeRow(const Json& row) {
    if (row.is_array()) {
        return "an array of " + std::to_string(row.size()) +
               (row.size() == 1 ? " value" : " values");
    }
    return describeJson(row);
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
        csvNumber(fields[0], false, "the wall time in seconds (a finite number)",
                  place(source, line, 1));
        const double step =
            csvNumber(fields[1], true, "the step (a number)", place(source, line, 2));
        if (const std::string problem = stepProblem(lastStep(series), step); !problem.empty()) {
            throw InputError(place(source, line, 2) + problem);
        }
        const double value =
            csvNumber(fields[2], true, "the value (a number, nan or inf)", place(source, line, 3));
        series.points.emplace_back(step, value);
    }
    if (series.points.empty()) {
        throw InputError(place(source, reader.line(), 1) +
                         "found the end of the file after the header; expected rows of " +
                         std::string(kCsvHeaderText));
    }
    return series;
}

ImportedSeries tensorBoardJsonFromText(std::string_view text, const std::string& source) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error& e) {
        throw InputError(source + ": " + jsonParseErrorText(e.what()));
    } catch (const Json::out_of_range& e) {
        // nlohmann refuses a number beyond double's range (1e999) while parsing, without
        // saying where.
        throw InputError(source + ": " + jsonParseErrorText(e.what()) +
                         "; expected numbers within double's range (about 1.8e308)");
    }
    const std::string expectedRows =
        std::string("an array of ") + std::string(kJsonRow) + " rows (TensorBoard's JSON download)";
    if (!json.is_array()) {
        throw InputError(source + ": found " + describeJson(json) + "; expected " + expectedRows);
    }
    if (json.empty()) {
        throw InputError(source + ": found an empty array; expected " + expectedRows);
    }
    ImportedSeries series;
    series.name = seriesNameOf(source);
    series.source = source;
    series.points.reserve(json.size());
    for (size_t i = 0; i < json.size(); ++i) {
        const Json& row = json[i];
        const std::string path = "[" + std::to_string(i) + "]";
        if (!row.is_array() || row.size() != 3) {
            throw InputError(source + ": " + path + ": found " + describeRow(row) + "; expected " +
                             std::string(kJsonRow));
        }
        const auto number = [&](size_t k, const char* what, bool nonFinite) {
            const Json& cell = row[k];
            if (cell.is_number()) {
                const double value = cell.get<double>();
                if (nonFinite || std::isfinite(value)) {
                    return value;
                }
            } else if (const auto special = nonFiniteSpelling(cell); special && nonFinite) {
                return *special;
            }
            throw InputError(source + ": " + path + "[" + std::to_string(k) + "]: found " +
                             describeJson(cell) + "; expected " + what);
        };
        number(0, "the wall time in seconds (a finite number)", false);
        const double step = number(1, "the step (a number)", true);
        if (const std::string problem = stepProblem(lastStep(series), step); !problem.empty()) {
            throw InputError(source + ": " + path + "[1]: " + problem);
        }
        const double value =
            number(2, "the value (a number, or \"NaN\", \"Infinity\", \"-Infinity\")", true);
        series.points.emplace_back(step, value);
    }
    return series;
}

}  // namespace lrscope::core
