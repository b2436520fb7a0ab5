#include "core/io/file_kind.hpp"

#include <filesystem>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/text.hpp"
#include "core/data/csv_records.hpp"

namespace lrscope::core {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kSpace = " \t\r\n";

std::string_view withoutBom(std::string_view text) {
    return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

// The first character that is not white space after `from`, or 0.
char firstNonSpace(std::string_view text, size_t from = 0) {
    const size_t at = text.find_first_not_of(kSpace, from);
    return at == std::string_view::npos ? '\0' : text[at];
}

// Whether a JSON object's text declares itself a session. A search rather than a parse: the
// head may be a cut-off piece of a large file. The writer puts "format" first.
bool declaresSession(std::string_view json) {
    const size_t key = json.find("\"format\"");
    if (key == std::string_view::npos) {
        return false;
    }
    const size_t colon = json.find_first_not_of(kSpace, key + 8);
    if (colon == std::string_view::npos || json[colon] != ':') {
        return false;
    }
    const size_t value = json.find_first_not_of(kSpace, colon + 1);
    return value != std::string_view::npos && json.substr(value).starts_with("\"lrscope-session\"");
}

bool hasStepColumn(const std::string& path, std::string_view text) {
    std::vector<std::string> header;
    try {
        CsvRecordReader records(text, path);
        int line = 0;
        if (!records.next(header, line)) {
            return false;
        }
    } catch (const InputError&) {
        return false;  // a cut-off head or a broken file: the data reader will say what
    }
    for (const std::string& name : header) {
        for (const std::string_view counter : {"step", "iteration", "epoch"}) {
            if (equalsIgnoringCase(name, counter)) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

DetectedFile detectFileKind(const std::string& path, std::string_view head) {
    const std::string extension = lowerAscii(std::filesystem::path(path).extension().string());
    if (extension == ".lrscope") {
        return {FileKind::Session};
    }
    const std::string_view text = withoutBom(head);
    const size_t start = text.find_first_not_of(kSpace);
    const char first = start == std::string_view::npos ? '\0' : text[start];
    if (first == '{') {
        return {declaresSession(text) ? FileKind::Session : FileKind::Weights};
    }
    if (first == '[') {
        return firstNonSpace(text, start + 1) == '['
                   ? DetectedFile{FileKind::Import, ImportFormat::TensorBoardJson}
                   : DetectedFile{FileKind::Weights};
    }
    if (extension == ".json") {
        return {FileKind::Weights};
    }
    const ImportFormat format = detectImportFormat(path, head);
    if (format == ImportFormat::RunsCsv || format == ImportFormat::TensorBoardCsv ||
        hasStepColumn(path, head)) {
        return {FileKind::Import, format};
    }
    return {FileKind::DataCsv};
}

std::string fileKindDescription(const DetectedFile& file) {
    switch (file.kind) {
        case FileKind::Session:
            return "a session";
        case FileKind::Weights:
            return "a weights file";
        case FileKind::DataCsv:
            return "a data CSV";
        case FileKind::Import:
            return "runs to import (" + std::string(importFormatName(file.importFormat)) + ")";
    }
    return "a data CSV";
}

}  // namespace lrscope::core
