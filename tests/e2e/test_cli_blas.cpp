#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

// Sets OPENBLAS_CORETYPE for the CLI runs inside one test, as a user would in the shell.
class CoreTypeSetting {
public:
    explicit CoreTypeSetting(const char* value) {
        if (const char* old = std::getenv("OPENBLAS_CORETYPE")) {
            old_ = old;
        }
        setenv("OPENBLAS_CORETYPE", value, 1);
    }
    ~CoreTypeSetting() {
        if (old_) {
            setenv("OPENBLAS_CORETYPE", old_->c_str(), 1);
        } else {
            unsetenv("OPENBLAS_CORETYPE");
        }
    }
    CoreTypeSetting(const CoreTypeSetting&) = delete;
    CoreTypeSetting& operator=(const CoreTypeSetting&) = delete;

private:
    std::optional<std::string> old_;
};

std::string blasLine(const CliResult& result) {
    const std::size_t start = result.out.find('\n') + 1;
    return result.out.substr(start, result.out.find('\n', start) - start);
}

TEST(CliBlas, VersionKeepsItsFirstLineAndSaysWhichKernelIsInUse) {
    const CliResult result = runCli({"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("lrscope-cli ", 0), 0U) << result.out;
    const std::string line = blasLine(result);
    if (std::getenv("OPENBLAS_CORETYPE") == nullptr) {
        EXPECT_NE(line.find(": detected "), std::string::npos) << line;
    }
    EXPECT_NE(line.find(", using "), std::string::npos) << line;
    EXPECT_EQ(line.rfind("BLAS: OpenBLAS ", 0), 0U) << line;
}

TEST(CliBlas, AKernelTheUserSetIsNotOverridden) {
    // Prescott (SSE3) runs on every x86-64 CPU lrscope meets and is never the widest one.
    const CoreTypeSetting setting("prescott");
    const CliResult result = runCli({"--version"});
    const std::string line = blasLine(result);
    const std::string expectedEnd = ": OPENBLAS_CORETYPE=prescott, using prescott (SSE3)";
    ASSERT_GE(line.size(), expectedEnd.size()) << line;
    EXPECT_EQ(line.substr(line.size() - expectedEnd.size()), expectedEnd) << line;
}

TEST(CliBlas, AUserKernelNameTheLibraryLacksIsReportedAsSuch) {
    const CoreTypeSetting setting("NoSuchKernel");
    const CliResult result = runCli({"--version"});
    EXPECT_NE(
        blasLine(result).find("OPENBLAS_CORETYPE=NoSuchKernel is none of its kernels, using "),
        std::string::npos)
        << blasLine(result);
}

}  // namespace
}  // namespace lrscope::test
