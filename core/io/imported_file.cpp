#include "core/io/imported_file.hpp"

#include <sstream>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/tensorboard_import.hpp"

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
    return importedFileFromText(readFile(path), path, columns);
}

}  // namespace lrscope::core
