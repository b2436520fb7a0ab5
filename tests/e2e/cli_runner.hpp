#pragma once

#include <string>
#include <vector>

namespace lrscope::test {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the built lrscope-cli with `args` in `workingDirectory` (empty: the current one) and
// captures its exit code, stdout and stderr.
CliResult runCli(const std::vector<std::string>& args, const std::string& workingDirectory = "");

// A fresh empty directory under the system's temporary folder.
std::string makeTempDirectory();

std::string readText(const std::string& path);
void writeText(const std::string& path, const std::string& text);

}  // namespace lrscope::test
