#pragma once

#include <functional>
#include <string>

namespace lrscope::core {

// Paths of the import corpus (tests/data/import/good and bad).
std::string goodImportFile(const std::string& name);
std::string badImportFile(const std::string& name);

// The message of the InputError that `read` throws for the bad file `name`, with the file's
// folder cut off the front ("tb_ragged.csv:3:3: ..."); a test failure when it throws none.
std::string importErrorOf(const std::string& name,
                          const std::function<void(const std::string& path)>& read);

}  // namespace lrscope::core
