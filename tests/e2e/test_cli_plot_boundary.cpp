// lrscope-cli plot --boundary as a user runs it: a PNG of the requested size, and bad usage
// exits 2 with one line naming the flag. (The figure's content is checked in
// tests/ui/test_plot_boundary.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

// Width and height from a PNG's IHDR chunk (big-endian at bytes 16..23).
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& bytes) {
    const auto at = [&bytes](size_t i) {
        return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 24U) |
               (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 16U) |
               (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2])) << 8U) |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 3]));
    };
    return {at(16), at(20)};
}

TEST(CliPlotBoundary, WritesAPngOfTheRequestedSize) {
    const std::string dir = makeTempDirectory();
    const std::string out = dir + "/xor.png";
    const CliResult r =
        runCli({"plot", "--boundary", "--dataset", "xor", "--epochs", "40", "--lr", "0.1", "--out",
                out, "--width", "640", "--height", "480", "--scale", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("wrote " + out + " (decision boundary of SGD"), std::string::npos);
    const std::string bytes = readText(out);
    ASSERT_GT(bytes.size(), 24U);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    EXPECT_EQ(pngSize(bytes), (std::pair<std::uint32_t, std::uint32_t>{1280, 960}));
}

TEST(CliPlotBoundary, SeveralRunsAreBadUsage) {
    const std::string dir = makeTempDirectory();
    const CliResult r =
        runCli({"plot", "--boundary", "--optimizer", "sgd,adam", "--out", dir + "/two.png"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    EXPECT_NE(r.err.find("--boundary: --optimizer and --lr give 2 runs"), std::string::npos);
    EXPECT_FALSE(std::ifstream(dir + "/two.png").good());
}

TEST(CliPlotBoundary, DataWithoutAPlaneSaysWhy) {
    const std::string dir = makeTempDirectory();
    const CliResult r =
        runCli({"plot", "--boundary", "--dataset", "breast_cancer", "--out", dir + "/b.png"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("No boundary for breast_cancer: it has 30 inputs"), std::string::npos)
        << r.err;
}

}  // namespace
}  // namespace lrscope::test
