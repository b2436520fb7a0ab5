// lrscope-cli plot --lr-find and plot --sweep, run as a user runs them: the range test with
// lr-find's flags (its summary is lr-find's, byte for byte) and the sweep's U-curve, trained or
// read from sweep --out; bad flags exit 2 with one line naming the flag and leave an existing
// figure untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

// Width and height from a PNG's IHDR chunk (big-endian at bytes 16..23).
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& path) {
    const std::string bytes = readText(path);
    EXPECT_GE(bytes.size(), 24U);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    auto word = [&](size_t at) {
        std::uint32_t value = 0;
        for (size_t i = 0; i < 4; ++i) {
            value = (value << 8U) | static_cast<unsigned char>(bytes[at + i]);
        }
        return value;
    };
    return {word(16), word(20)};
}

size_t lineCount(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

class PlotFigures : public ::testing::Test {
protected:
    void SetUp() override { dir_ = makeTempDirectory(); }
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string dir_;
};

TEST_F(PlotFigures, LrFindTakesLrFindsFlagsAndWritesItsSummary) {
    const std::vector<std::string> flags = {
        "--dataset",  "moons", "--samples", "120", "--optimizer",  "adam", "--batch-size", "16",
        "--start-lr", "1e-6",  "--end-lr",  "3",   "--iterations", "60"};
    std::vector<std::string> plot = {
        "plot", "--lr-find", "--out", path("find.png"), "--width",
        "640",  "--height",  "400",   "--summary",      path("plot.json")};
    plot.insert(plot.end(), flags.begin(), flags.end());
    const CliResult drawn = runCli(plot);
    ASSERT_EQ(drawn.exitCode, 0) << drawn.err;
    EXPECT_NE(drawn.out.find("wrote " + path("find.png") + " (range test: "), std::string::npos)
        << drawn.out;
    EXPECT_NE(drawn.out.find("of 60 iterations"), std::string::npos) << drawn.out;
    EXPECT_EQ(pngSize(path("find.png")), std::make_pair(640U, 400U));

    std::vector<std::string> find = {"lr-find", "--out", path("find.csv"), "--summary",
                                     path("find.json")};
    find.insert(find.end(), flags.begin(), flags.end());
    const CliResult found = runCli(find);
    ASSERT_EQ(found.exitCode, 0) << found.err;
    // The same test, the same suggestions: the figure shows what lr-find reports.
    EXPECT_EQ(readText(path("plot.json")), readText(path("find.json")));
}

TEST_F(PlotFigures, LrFindRefusesFlagsThatDoNotApply) {
    writeText(path("keep.png"), "old");
    for (const auto& [flag, value] :
         std::vector<std::pair<std::string, std::string>>{{"--lr", "0.1"},
                                                          {"--epochs", "5"},
                                                          {"--metric", "error"},
                                                          {"--lr-range", "1e-3:1:3"},
                                                          {"--sweep-y", "best-test-loss"}}) {
        const CliResult r = runCli({"plot", "--lr-find", "--out", path("keep.png"), flag, value});
        EXPECT_EQ(r.exitCode, 2) << flag;
        EXPECT_EQ(lineCount(r.err), 1U) << r.err;
        EXPECT_NE(r.err.find(flag), std::string::npos) << r.err;
        EXPECT_EQ(readText(path("keep.png")), "old");
    }
    const CliResult badRange =
        runCli({"plot", "--lr-find", "--out", path("keep.png"), "--end-lr", "1e-9"});
    EXPECT_EQ(badRange.exitCode, 2);
    EXPECT_NE(badRange.err.find("end-lr"), std::string::npos) << badRange.err;
    EXPECT_EQ(readText(path("keep.png")), "old");
}

TEST_F(PlotFigures, SweepTrainsTheCrossProductOrReadsASweepsCsv) {
    const std::vector<std::string> flags = {"--dataset",  "moons",     "--samples",   "100",
                                            "--epochs",   "15",        "--optimizer", "sgd,adam",
                                            "--lr-range", "1e-3:10:5", "--threads",   "2"};
    std::vector<std::string> plot = {"plot",    "--sweep", "--log-y",  "--out", path("u.png"),
                                     "--width", "700",     "--height", "420"};
    plot.insert(plot.end(), flags.begin(), flags.end());
    const CliResult trained = runCli(plot);
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    EXPECT_NE(trained.out.find("(U-curve of 10 runs, "), std::string::npos) << trained.out;
    EXPECT_NE(trained.out.find("; SGD best lr "), std::string::npos) << trained.out;
    EXPECT_NE(trained.out.find("; Adam best lr "), std::string::npos) << trained.out;
    EXPECT_EQ(pngSize(path("u.png")), std::make_pair(700U, 420U));

    std::vector<std::string> sweep = {"sweep", "--out", path("sweep.csv")};
    sweep.insert(sweep.end(), flags.begin(), flags.end());
    ASSERT_EQ(runCli(sweep).exitCode, 0);
    const CliResult read = runCli(
        {"plot", "--sweep", "--runs", path("sweep.csv"), "--log-y", "--out", path("u-read.svg")});
    ASSERT_EQ(read.exitCode, 0) << read.err;
    // Read back, the sweep has the same runs and the same best rates as trained here.
    auto tail = [](const std::string& line) { return line.substr(line.find("(U-curve")); };
    EXPECT_EQ(tail(read.out), tail(trained.out));
    EXPECT_NE(readText(path("u-read.svg")).find("<svg"), std::string::npos);
}

TEST_F(PlotFigures, SweepYChoosesTheMeasureAndRejectsOthers) {
    const std::vector<std::string> base = {"plot", "--sweep",  "--dataset", "moons", "--samples",
                                           "80",   "--epochs", "5",         "--lr",  "0.01,0.1"};
    for (const std::string measure :
         {"final-train-loss", "final-test-loss", "best-test-loss", "final-error"}) {
        std::vector<std::string> args = base;
        args.insert(args.end(), {"--sweep-y", measure, "--out", path(measure + ".png")});
        const CliResult r = runCli(args);
        EXPECT_EQ(r.exitCode, 0) << measure << ": " << r.err;
    }
    writeText(path("keep.png"), "old");
    std::vector<std::string> bad = base;
    bad.insert(bad.end(), {"--sweep-y", "final-loss", "--out", path("keep.png")});
    const CliResult r = runCli(bad);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(lineCount(r.err), 1U);
    EXPECT_NE(r.err.find("--sweep-y: 'final-loss'"), std::string::npos) << r.err;
    EXPECT_EQ(readText(path("keep.png")), "old");

    std::vector<std::string> both = base;
    both.insert(both.end(), {"--lr-find", "--out", path("keep.png")});
    const CliResult contradiction = runCli(both);
    EXPECT_EQ(contradiction.exitCode, 2);
    EXPECT_NE(contradiction.err.find("--lr-find and --sweep"), std::string::npos);

    const CliResult stray =
        runCli({"plot", "--sweep-y", "best-test-loss", "--out", path("keep.png")});
    EXPECT_EQ(stray.exitCode, 2);
    EXPECT_NE(stray.err.find("applies only to plot --sweep"), std::string::npos) << stray.err;
}

TEST_F(PlotFigures, ASweepFigureFromACsvWithoutRatesSaysWhatItNeeds) {
    writeText(path("plain.csv"),
              "run,name,epoch,train_loss\n"
              "1,a,0,0.7\n"
              "1,a,1,0.5\n");
    const CliResult r =
        runCli({"plot", "--sweep", "--runs", path("plain.csv"), "--out", path("x.png")});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.err.find(path("plain.csv")), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(path("x.png")));
}

}  // namespace
}  // namespace lrscope::test
