#pragma once

#include <string>
#include <string_view>

namespace lrscope::core {

// The kinds of file the plots import (drag and drop, `plot --import FILE`).
enum class ImportFormat {
    TensorBoardCsv,   // header `Wall time,Step,Value`
    TensorBoardJson,  // `[[wall_time, step, value], ...]`
    RunsCsv,          // lrscope's own runs CSV: header starts run,name,optimizer,base_lr,epoch
    GenericCsv,       // any other CSV log with a header row
};

// "TensorBoard CSV", "TensorBoard JSON", "lrscope runs CSV", "CSV log".
std::string_view importFormatName(ImportFormat format);

// Which format `text` (the contents of `path`) is in, judged by its content: text starting
// with '[' or '{' is JSON, and so is a .json file (so that a broken one gets a JSON message);
// otherwise the CSV header decides. Never throws: text that is not CSV at all is a generic
// CSV, whose reader then says what is wrong.
ImportFormat detectImportFormat(const std::string& path, std::string_view text);

}  // namespace lrscope::core
