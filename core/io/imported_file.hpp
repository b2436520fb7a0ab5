#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/generic_csv_import.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/import_format.hpp"
#include "core/io/imported_series.hpp"

namespace lrscope::core {

// A file dropped on the plots (or given to `plot --import`), read in its detected format.
// TensorBoard downloads and CSV logs give `series`; an lrscope runs CSV gives `runs`, full
// histories that open as runs (readLongCsv).
struct ImportedFile {
    ImportFormat format = ImportFormat::GenericCsv;
    std::vector<ImportedSeries> series;
    std::vector<NamedHistory> runs;
};

// Reads `text` (named `source` in messages) in the format detectImportFormat() finds. When
// `columns` names an x or a y column, any CSV (a TensorBoard one and a runs CSV too) is read
// as a CSV log with those columns, so that, say, `Wall time` can be the x axis; a JSON file
// with columns is an error. Throws InputError saying where and what was expected.
ImportedFile importedFileFromText(std::string_view text, const std::string& source,
                                  const CsvSeriesColumns& columns = {});

// Imported files are read whole; a larger one is refused before reading (1 GiB of CSV is
// some 25 million rows, far more than a plot can show).
inline constexpr std::uintmax_t kMaxImportBytes = std::uintmax_t{1} << 30;

// The same for a file. Throws InputError when it cannot be read or is over kMaxImportBytes.
ImportedFile readImportedFile(const std::string& path, const CsvSeriesColumns& columns = {});

}  // namespace lrscope::core
