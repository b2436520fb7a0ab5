#pragma once

#include <string>
#include <string_view>

#include "core/io/imported_series.hpp"

namespace lrscope::core {

// TensorBoard's JSON download of one scalar tag: `[[wall_time, step, value], ...]` with
// numbers in any JSON form. JSON has no NaN or infinity, so TensorBoard writes those values
// as the strings "NaN", "Infinity" and "-Infinity"; they are read as such. The series is
// named after the file (seriesNameOf(source)). Throws InputError naming the line and column
// of a JSON syntax error or of a number beyond double's range, otherwise the JSON path of
// what is wrong ("file: [3][1]: found ...; expected ...").
ImportedSeries tensorBoardJsonFromText(std::string_view text, const std::string& source);

}  // namespace lrscope::core
