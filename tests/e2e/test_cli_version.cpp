// `lrscope-cli --version` names the version and the commit it was built from, and the build
// script behind the commit (cmake/BuildInfoScript.cmake) says "unknown" outside a checkout.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kSourceDir = std::string(LRSCOPE_TEST_DATA_DIR) + "/..";

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

TEST(CliVersion, NamesTheVersionAndTheCommit) {
    const CliResult run = runCli({"--version"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(std::regex_match(firstLine(run.out),
                                 std::regex(R"(lrscope-cli \d+\.\d+\.\d+ \(commit [-\w.+]+\))")))
        << run.out;
}

// The commit the script writes for the folder `sources`.
std::string commitOf(const std::string& sources) {
    const std::string header = makeTempDirectory() + "/build_info.hpp";
    const std::string command = "cmake -DSOURCE_DIR='" + sources + "' -DOUTPUT='" + header +
                                "' -DGIT_EXECUTABLE=git -P '" + kSourceDir +
                                "/cmake/BuildInfoScript.cmake'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::smatch match;
    const std::string text = readText(header);
    EXPECT_TRUE(std::regex_search(text, match, std::regex(R"re(kCommit = "([^"]*)")re"))) << text;
    return match.size() > 1 ? match[1].str() : std::string();
}

TEST(BuildInfo, OutsideAGitCheckoutTheCommitIsUnknown) {
    const std::string plain = makeTempDirectory();
    writeText(plain + "/CMakeLists.txt", "project(x)\n");
    EXPECT_EQ(commitOf(plain), "unknown");
}

// What a shell command prints, without the final line break.
std::string outputOf(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (const size_t n = fread(buffer, 1, sizeof buffer, pipe)) {
            out.append(buffer, n);
        }
        EXPECT_EQ(pclose(pipe), 0) << command;
    }
    return firstLine(out);
}

TEST(BuildInfo, InACheckoutItIsTheDescribedCommitAndSaysDirty) {
    const std::string repo = makeTempDirectory();
    writeText(repo + "/file.txt", "one\n");
    const std::string git = "git -C '" + repo + "' -c user.name=t -c user.email=t@example.org ";
    const std::string head = outputOf(git + "init -q && " + git + "add file.txt && " + git +
                                      "commit -qm one && " + git + "rev-parse --short HEAD");
    ASSERT_FALSE(head.empty());
    EXPECT_EQ(commitOf(repo), head);
    writeText(repo + "/file.txt", "two\n");
    EXPECT_EQ(commitOf(repo), head + "-dirty");
    // A folder inside the checkout is not the checkout: its commit would not be ours.
    std::filesystem::create_directory(repo + "/inner");
    EXPECT_EQ(commitOf(repo + "/inner"), "unknown");
}

}  // namespace
}  // namespace lrscope::test
