#pragma once

#include <string>
#include <string_view>

#include "core/io/import_format.hpp"

namespace lrscope::core {

// What a file dropped on the window is, so that it goes where it belongs.
enum class FileKind {
    Session,  // an .lrscope file, or JSON with "format": "lrscope-session"
    Weights,  // a weights JSON (the next runs start from it)
    DataCsv,  // a data set: a CSV without a step, iteration or epoch column
    Import,   // runs from elsewhere: a runs CSV, a TensorBoard download or a CSV log
};

struct DetectedFile {
    FileKind kind = FileKind::DataCsv;
    ImportFormat importFormat = ImportFormat::GenericCsv;  // when kind is Import
};

// Judged by the extension and the first bytes of the file (`head`; a few KiB are enough):
//  - ".lrscope", or a JSON object whose "format" is "lrscope-session": a session;
//  - a JSON array of arrays ([[wall_time, step, value], ...]): a TensorBoard JSON import;
//  - any other JSON (an object, an array of layers) or a ".json" file: weights, whose
//    reader then says what is wrong;
//  - a CSV that detectImportFormat() calls a runs CSV or a TensorBoard CSV, or whose header
//    has a step, iteration or epoch column: an import;
//  - any other text: a data CSV, whose reader then says what is wrong.
// Never throws.
DetectedFile detectFileKind(const std::string& path, std::string_view head);

// "a session", "a weights file", "a data CSV", "runs to import (TensorBoard CSV)".
std::string fileKindDescription(const DetectedFile& file);

}  // namespace lrscope::core
