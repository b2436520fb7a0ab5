#include "core/io/generic_csv_import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/text.hpp"
#include "core/data/csv_records.hpp"

namespace lrscope::core {

namespace {

// Step columns in order of preference: the finest counter first.
constexpr std::array<std::string_view, 3> kStepNames = {"step", "iteration", "epoch"};
constexpr std::array<std::string_view, 2> kWallTimeNames = {"wall time", "wall_time"};

template <size_t N>
bool isOneOf(const std::string& name, const std::array<std::string_view, N>& names) {
    const std::string lower = lowerAscii(name);
    return std::find(names.begin(), names.end(), lower) != names.end();
}

std::string place(const std::string& source, int line, size_t column) {
    return source + ":" + std::to_string(line) + ":" + std::to_string(column + 1) + ": ";
}

std::string found(const std::string& cell) {
    return cell.empty() ? "an empty cell" : quotedForMessage(cell);
}

std::string headerList(const std::vector<std::string>& header) {
    std::string names;
    for (size_t c = 0; c < header.size(); ++c) {
        names += (c == 0 ? "" : ", ") + escapedForMessage(header[c], 60);
    }
    return names;
}

// The header row: finds the columns the caller names and reports problems at its line.
class CsvLogHeader {
public:
    CsvLogHeader(std::vector<std::string> header, int headerLine, const std::string& source)
        : header_(std::move(header)), headerLine_(headerLine), source_(source) {}

    // The column a name or index given by the caller refers to.
    size_t column(const std::string& given, const std::string& role) const {
        const auto it = std::find(header_.begin(), header_.end(), given);
        if (it != header_.end()) {
            if (std::find(it + 1, header_.end(), given) != header_.end()) {
                fail("found two columns named " + quotedForMessage(given, 60) + "; expected the " +
                     role + " column by a unique name or a 0-based index");
            }
            return static_cast<size_t>(it - header_.begin());
        }
        if (const auto index = parseLong(given);
            index && *index >= 0 && static_cast<size_t>(*index) < header_.size()) {
            return static_cast<size_t>(*index);
        }
        fail("found no column " + quotedForMessage(given, 60) +
             " (the header has: " + headerList(header_) + "); expected the " + role +
             " column by name or 0-based index 0.." + std::to_string(header_.size() - 1));
    }

    size_t stepColumn(const std::string& given) const {
        if (!given.empty()) {
            return column(given, "x (step)");
        }
        for (const std::string_view name : kStepNames) {
            for (size_t c = 0; c < header_.size(); ++c) {
                if (lowerAscii(header_[c]) == name) {
                    return c;
                }
            }
        }
        fail("found no step column (the header has: " + headerList(header_) +
             "); expected a column named step, iteration or epoch, or the x column given by name "
             "or index");
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw InputError(place(source_, headerLine_, 0) + message);
    }

    const std::vector<std::string>& header() const { return header_; }

private:
    std::vector<std::string> header_;
    int headerLine_;
    const std::string& source_;
};

// A value column being read: decided numeric (or not) by its first non-empty cell unless the
// caller named it, in which case it must be numeric.
struct ValueColumn {
    size_t column = 0;
    bool named = false;
    std::optional<bool> numeric;
    ImportedSeries series;
};

}  // namespace

std::vector<ImportedSeries> genericCsvFromText(std::string_view text, const std::string& source,
                                               const CsvSeriesColumns& columns) {
    CsvRecordReader records(text, source);
    std::vector<std::string> fields;
    int line = 0;
    if (!records.next(fields, line)) {
        throw InputError(source +
                         ":1:1: found an empty file; expected a header row naming the columns, "
                         "such as step,loss");
    }
    const CsvLogHeader reader(fields, line, source);
    const std::vector<std::string>& header = reader.header();
    const size_t x = reader.stepColumn(columns.x);

    std::vector<ValueColumn> values;
    if (columns.y.empty()) {
        for (size_t c = 0; c < header.size(); ++c) {
            if (c != x && !isOneOf(header[c], kStepNames) && !isOneOf(header[c], kWallTimeNames)) {
                values.push_back(ValueColumn{c, false, std::nullopt, {}});
            }
        }
    } else {
        for (const std::string& given : columns.y) {
            const size_t c = reader.column(given, "y (value)");
            if (c == x) {
                reader.fail("found the x column " + quotedForMessage(header[c], 60) +
                            " among the y columns; expected value columns other than the steps");
            }
            for (const ValueColumn& earlier : values) {
                if (earlier.column == c) {
                    reader.fail("found the y column " + quotedForMessage(header[c], 60) +
                                " twice; expected each value column once");
                }
            }
            values.push_back(ValueColumn{c, true, true, {}});
        }
    }
    for (ValueColumn& value : values) {
        value.series.name = header[value.column].empty()
                                ? "column " + std::to_string(value.column + 1)
                                : header[value.column];
        value.series.source = source;
    }

    const std::string stepWhat = "a step (a number) in column " + quotedForMessage(header[x], 60);
    std::optional<double> previousStep;
    while (records.next(fields, line)) {
        if (fields.size() != header.size()) {
            throw InputError(place(source, line, std::min(fields.size(), header.size())) +
                             "found " + std::to_string(fields.size()) +
                             (fields.size() == 1 ? " field" : " fields") + "; expected " +
                             std::to_string(header.size()) + " like the header");
        }
        const auto step = parseDouble(fields[x]);
        if (!step) {
            throw InputError(place(source, line, x) + "found " + found(fields[x]) + "; expected " +
                             stepWhat);
        }
        if (const std::string problem = stepProblem(previousStep, *step); !problem.empty()) {
            throw InputError(place(source, line, x) + problem);
        }
        previousStep = *step;
        for (ValueColumn& value : values) {
            const std::string& cell = fields[value.column];
            if (cell.empty() || value.numeric == false) {
                continue;
            }
            const auto number = parseDouble(cell);
            if (!value.numeric) {
                value.numeric = number.has_value();
            }
            if (!number) {
                if (value.numeric == false) {
                    continue;  // a text column, such as a phase or a date
                }
                throw InputError(place(source, line, value.column) + "found " + found(cell) +
                                 "; expected a number, nan, inf or an empty cell in column " +
                                 quotedForMessage(header[value.column], 60));
            }
            value.series.points.emplace_back(*step, *number);
        }
    }
    if (!previousStep) {
        throw InputError(place(source, records.line(), 0) +
                         "found the end of the file after the header; expected data rows");
    }

    std::vector<ImportedSeries> series;
    for (ValueColumn& value : values) {
        if (value.named && value.series.points.empty()) {
            reader.fail("found no values in column " + quotedForMessage(header[value.column], 60) +
                        "; expected at least one number");
        }
        if (value.numeric == true) {
            series.push_back(std::move(value.series));
        }
    }
    if (series.empty()) {
        reader.fail("found no numeric column besides the steps in " +
                    quotedForMessage(header[x], 60) + "; expected at least one column of values");
    }
    return series;
}

}  // namespace lrscope::core
