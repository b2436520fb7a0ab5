#pragma once

#include <string>
#include <string_view>

#include "core/io/imported_series.hpp"

namespace lrscope::core {

// TensorBoard's downloads of one scalar tag (the links under a scalar chart), as written by
// its scalars plugin. Both name the series after the file (seriesNameOf(source)).

// CSV: the header `Wall time,Step,Value`, then one row per point: wall time in seconds (a
// float, read and checked but not used), the step, and the value as Python prints floats,
// so `nan`, `inf` and `-inf` may appear. Throws InputError as "file:line:column: found ...;
// expected ..." for an empty file, another header, no data rows, rows with other than three
// fields, cells that are not numbers, or steps that are not finite or decrease.
ImportedSeries tensorBoardCsvFromText(std::string_view text, const std::string& source);

// JSON: `[[wall_time, step, value], ...]` with numbers in any JSON form. JSON has no NaN or
// infinity, so TensorBoard writes those values as the strings "NaN", "Infinity" and
// "-Infinity"; they are read as such. Throws InputError naming the line and column of a JSON
// syntax error, otherwise the JSON path of what is wrong ("file: [3][1]: found ...").
ImportedSeries tensorBoardJsonFromText(std::string_view text, const std::string& source);

}  // namespace lrscope::core
