#include "core/io/imported_file.hpp"

#include <filesystem>
#include <sstream>
#include <system_error>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/tensorboard_csv_import.hpp"
#include "core/io/tensorboard_json_import.hpp"

namespace lrscope::core {

ImportedFile importedFileFromText(std::string_view text, const std::string& source,
                                  const CsvSeriesColumns& columns) {
    ImportedFile file;
    file.format = detectImportFormat(source, text);
    const bool columnsGiven = !columns.x.empty() || !columns.y.empty();
    if (columnsGiven) {
        if (file.format == ImportFormat::TensorBoardJson) {
            throw InputError(source +
                             ": found a JSON file; expected a CSV when x or y columns are named");
        }
        file.format = ImportFormat::GenericCsv;
    }
    switch (file.format) {
        case ImportFormat::TensorBoardCsv:
            file.series.push_back(tensorBoardCsvFromText(text, source));
            break;
        case ImportFormat::TensorBoardJson:
            file.series.push_back(tensorBoardJsonFromText(text, source));
            break;
        case ImportFormat::RunsCsv: {
            std::istringstream in{std::string(text)};
            file.runs = readLongCsv(in, source);
            break;
        }
        case ImportFormat::GenericCsv:
            file.series = genericCsvFromText(text, source, columns);
            break;
    }
    return file;
}

ImportedFile readImportedFile(const std::string& path, const CsvSeriesColumns& columns) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxImportBytes) {
        throw InputError(path + ": found a file of " + std::to_string(size) +
                         " bytes; expected at most " + std::to_string(kMaxImportBytes) +
                         " bytes (1 GiB) for an imported log");
    }
    return importedFileFromText(readFile(path), path, columns);
}

}  // namespace lrscope::core
