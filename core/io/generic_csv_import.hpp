#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/imported_series.hpp"

namespace lrscope::core {

// Which columns of a CSV log are the steps (x) and the values (y); each by its header name
// or its 0-based index (a name wins when a header is literally "2").
struct CsvSeriesColumns {
    // Empty: the first column named step, then iteration, then epoch (case-insensitive).
    std::string x;
    // Empty: every other numeric column, i.e. one whose first non-empty cell is a number;
    // other step-like columns (step, iteration, epoch) and wall-time columns ("Wall time",
    // wall_time) are counters, not values, and are left out.
    std::vector<std::string> y;
};

// Reads any CSV with a header row, a step column and value columns, such as a PyTorch
// Lightning metrics.csv or a pandas log: one ImportedSeries per y column, named after the
// column. Rows whose y cell is empty give that series no point there (logs that write
// validation values every few steps leave the other rows empty); `nan` and `inf` are kept as
// undrawn points. Steps must be finite and never decrease from row to row.
//
// Throws InputError as "file:line:column: found ...; expected ..." for an empty file, a
// header without rows, a ragged row, a step or value that is not a number, a decreasing
// step, an unknown or repeated column, or no value column; the column is the 1-based field.
std::vector<ImportedSeries> genericCsvFromText(std::string_view text, const std::string& source,
                                               const CsvSeriesColumns& columns = {});

}  // namespace lrscope::core
