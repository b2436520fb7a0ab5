#include "tests/e2e/cli_runner.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lrscope::test {

namespace {

std::string quote(const std::string& arg) {
    std::string quoted = "'";
    for (const char c : arg) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

}  // namespace

std::string makeTempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lrscope-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    return pattern;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

CliResult runCli(const std::vector<std::string>& args, const std::string& workingDirectory) {
    const std::string scratch = makeTempDirectory();
    std::string command;
    if (!workingDirectory.empty()) {
        command += "cd " + quote(workingDirectory) + " && ";
    }
    command += quote(LRSCOPE_CLI);
    for (const auto& arg : args) {
        command += " " + quote(arg);
    }
    command += " </dev/null >" + quote(scratch + "/out") + " 2>" + quote(scratch + "/err");
    const int status = std::system(command.c_str());
    CliResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readText(scratch + "/out");
    result.err = readText(scratch + "/err");
    std::filesystem::remove_all(scratch);
    return result;
}

}  // namespace lrscope::test
