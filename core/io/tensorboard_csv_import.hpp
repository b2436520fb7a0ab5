#pragma once

#include <string>
#include <string_view>

#include "core/io/imported_series.hpp"

namespace lrscope::core {

// TensorBoard's CSV download of one scalar tag (the link under a scalar chart), as its
// scalars plugin writes it: the header `Wall time,Step,Value`, then one row per point: wall
// time in seconds (a float, read and checked but not used), the step, and the value as
// Python prints floats, so `nan`, `inf` and `-inf` may appear. The series is named after the
// file (seriesNameOf(source)). Throws InputError as "file:line:column: found ...; expected
// ..." for an empty file, another header, no data rows, rows with other than three fields,
// cells that are not numbers, or steps that are not finite or decrease.
ImportedSeries tensorBoardCsvFromText(std::string_view text, const std::string& source);

}  // namespace lrscope::core
