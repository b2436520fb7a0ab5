#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"

namespace lrscope::core {

// A CSV file as text cells. Accepts a UTF-8 BOM, CRLF or LF line ends, quoted fields
// (RFC 4180, "" for a quote, separators and line breaks inside quotes) and blank lines
// (skipped). The first record is the header.
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> rowLines;  // 1-based line on which each row starts, for messages
};

// `source` names the text in messages ("data.csv"). Throws InputError for an empty file,
// a header only, ragged rows ("data.csv:9: line 9 has 4 fields, the header has 5"), or an
// unterminated quote.
CsvTable parseCsv(std::string_view text, const std::string& source);

// Which column is the target: a header name or a 0-based index; empty = last column.
struct CsvDataOptions {
    std::string target;  // name or index
    Task task = Task::Classify;
    std::optional<long> maxRows;  // use only the first N data rows
};

// Turns a table into a data set: every column but the target is a numeric feature; the
// target holds class labels (numbers or strings, mapped to 0..K-1 in sorted order; numbers
// sort numerically) or, for regression, numbers. Throws InputError with file:line:column for
// non-numbers, NaN/Inf, an unknown target column, or a single class.
Dataset tableToDataset(const CsvTable& table, const CsvDataOptions& options,
                       const std::string& source);

// The shape tableToDataset() gives the table, without converting it: the target column is
// found, class labels are counted (classification) and the row limit applied, but feature
// cells are not checked to be numbers. Throws InputError as tableToDataset() does for a
// missing target column, too few columns, an empty class label or a single class.
DataShape tableShape(const CsvTable& table, const CsvDataOptions& options,
                     const std::string& source);

// Which column `target` names: a header name or a 0-based index; empty = the last column.
// Throws InputError for an unknown, ambiguous or out-of-range column.
size_t findTargetColumn(const CsvTable& table, const std::string& target,
                        const std::string& source);

// The cell as a finite number, or an InputError naming file:line:column, the cell's `role`
// ("feature ") and column, and `hint`.
double numericCell(const CsvTable& table, size_t row, size_t column, const std::string& source,
                   const std::string& role, const std::string& hint = "");

// Reads and converts a CSV file. Throws InputError when the file cannot be read.
Dataset loadCsvDataset(const std::string& path, const CsvDataOptions& options);

}  // namespace lrscope::core
