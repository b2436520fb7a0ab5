#pragma once

#include <string>
#include <string_view>

namespace lrscope::core {

// Writes `contents` to `path` through a temporary file in the same folder and an atomic
// rename, so an existing file is either replaced whole or left untouched. Throws InputError
// naming the path when the folder is not writable.
void writeFileAtomically(const std::string& path, std::string_view contents);

// Reads a whole file. Throws InputError naming the path when it cannot be read.
std::string readFile(const std::string& path);

}  // namespace lrscope::core
