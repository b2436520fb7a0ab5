#include "core/io/import_format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/text.hpp"
#include "core/data/csv_records.hpp"

namespace lrscope::core {

namespace {

bool hasJsonExtension(const std::string& path) {
    return lowerAscii(std::filesystem::path(path).extension().string()) == ".json";
}

bool startsLikeJson(std::string_view text) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    if (text.starts_with(kUtf8Bom)) {
        text.remove_prefix(kUtf8Bom.size());
    }
    const size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '[' || text[first] == '{');
}

}  // namespace

std::string_view importFormatName(ImportFormat format) {
    switch (format) {
        case ImportFormat::TensorBoardCsv:
            return "TensorBoard CSV";
        case ImportFormat::TensorBoardJson:
            return "TensorBoard JSON";
        case ImportFormat::RunsCsv:
            return "lrscope runs CSV";
        case ImportFormat::GenericCsv:
            return "CSV log";
    }
    return "CSV log";
}

ImportFormat detectImportFormat(const std::string& path, std::string_view text) {
    if (startsLikeJson(text) || hasJsonExtension(path)) {
        return ImportFormat::TensorBoardJson;
    }
    std::vector<std::string> header;
    try {
        CsvRecordReader records(text, path);
        int line = 0;
        if (!records.next(header, line)) {
            return ImportFormat::GenericCsv;
        }
    } catch (const InputError&) {
        return ImportFormat::GenericCsv;
    }
    if (header == std::vector<std::string>{"Wall time", "Step", "Value"}) {
        return ImportFormat::TensorBoardCsv;
    }
    const std::vector<std::string> runsStart = {"run", "name", "optimizer", "base_lr", "epoch"};
    if (header.size() >= runsStart.size() &&
        std::equal(runsStart.begin(), runsStart.end(), header.begin())) {
        return ImportFormat::RunsCsv;
    }
    return ImportFormat::GenericCsv;
}

}  // namespace lrscope::core
