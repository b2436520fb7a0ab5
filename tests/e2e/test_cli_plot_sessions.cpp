// `lrscope-cli plot --session`, `--import` (repeatable, with --x-column / --y-column) and
// `--smoothing`, as a user of lrscope-cli meets them: what is drawn is counted in the
// "wrote" line, smoothing changes the picture and nothing else, and bad input exits 2 with a
// one-line message and leaves an existing figure untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/io/session_file.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kData = LRSCOPE_TEST_DATA_DIR;
const std::string kTwoRuns = kData + "/data/session/good/two_runs.lrscope";  // 2 runs + 1 curve
const std::string kTensorBoard = kData + "/data/import/good/run-train-tag-loss.csv";
const std::string kLightning = kData + "/data/import/good/lightning_metrics.csv";
const std::string kTensorBoardJson = kData + "/data/import/good/run-eval-tag-accuracy.json";

class CliPlotSessions : public ::testing::Test {
protected:
    void SetUp() override { dir_ = makeTempDirectory(); }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string path(const std::string& name) const { return dir_ + "/" + name; }

    CliResult plot(std::vector<std::string> args, const std::string& out) {
        args.insert(args.begin(), "plot");
        args.insert(args.end(), {"--out", out, "--width", "400", "--height", "300"});
        return runCli(args);
    }

    // Exit 2, one line naming `expected`, and the existing figure as it was.
    void expectRefused(std::vector<std::string> args, const std::string& expected) {
        const std::string out = path("kept.png");
        writeText(out, "old figure");
        const CliResult result = plot(std::move(args), out);
        EXPECT_EQ(result.exitCode, 2) << result.out;
        EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
        EXPECT_EQ(readText(out), "old figure");
    }

    std::string dir_;
};

TEST_F(CliPlotSessions, ASessionDrawsItsRunsAndImportedCurves) {
    const CliResult result = plot({"--session", kTwoRuns}, path("s.png"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "wrote " + path("s.png") + " (3 runs)\n");
    EXPECT_GT(std::filesystem::file_size(path("s.png")), 1000U);
}

TEST_F(CliPlotSessions, ImportsAreRepeatableAndLaidBesideTheRuns) {
    const CliResult result =
        plot({"--session", kTwoRuns, "--import", kTensorBoard, "--import=" + kTensorBoardJson},
             path("i.png"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "wrote " + path("i.png") + " (5 runs)\n");
    // A CSV log gives one curve per value column, or the columns asked for.
    const CliResult both = plot({"--session", kTwoRuns, "--import", kLightning}, path("l.png"));
    ASSERT_EQ(both.exitCode, 0) << both.err;
    EXPECT_EQ(both.out, "wrote " + path("l.png") + " (5 runs)\n");
    const CliResult one = plot({"--session", kTwoRuns, "--import", kLightning, "--x-column", "step",
                                "--y-column", "val_loss"},
                               path("l.png"));
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(one.out, "wrote " + path("l.png") + " (4 runs)\n");
}

TEST_F(CliPlotSessions, SmoothingChangesTheFigureAndIsDeterministic) {
    ASSERT_EQ(plot({"--session", kTwoRuns, "--import", kTensorBoard}, path("raw.png")).exitCode, 0);
    ASSERT_EQ(
        plot({"--session", kTwoRuns, "--import", kTensorBoard, "--smoothing", "0.9"}, path("a.png"))
            .exitCode,
        0);
    ASSERT_EQ(
        plot({"--session", kTwoRuns, "--import", kTensorBoard, "--smoothing", "0.9"}, path("b.png"))
            .exitCode,
        0);
    EXPECT_NE(readText(path("raw.png")), readText(path("a.png")));
    EXPECT_EQ(readText(path("a.png")), readText(path("b.png")));
    // 0 draws the raw curves, exactly as without the flag.
    ASSERT_EQ(plot({"--session", kTwoRuns, "--import", kTensorBoard, "--smoothing", "0"},
                   path("zero.png"))
                  .exitCode,
              0);
    EXPECT_EQ(readText(path("raw.png")), readText(path("zero.png")));
}

TEST_F(CliPlotSessions, TheSessionsViewStateIsUsedUnlessAFlagSaysOtherwise) {
    core::Session session = core::readSessionFile(kTwoRuns);
    session.views["curves"] = {{"metric", "loss"}, {"log_y", true}, {"smoothing", 0.9}};
    core::writeSessionFile(path("view.lrscope"), session);
    ASSERT_EQ(plot({"--session", path("view.lrscope")}, path("view.png")).exitCode, 0);
    ASSERT_EQ(
        plot({"--session", kTwoRuns, "--log-y", "--smoothing", "0.9"}, path("flags.png")).exitCode,
        0);
    EXPECT_EQ(readText(path("view.png")), readText(path("flags.png")));
    ASSERT_EQ(
        plot({"--session", path("view.lrscope"), "--smoothing", "0"}, path("over.png")).exitCode,
        0);
    EXPECT_NE(readText(path("over.png")), readText(path("view.png")));
}

TEST_F(CliPlotSessions, BadInputExitsTwoWithOneLineAndKeepsTheFigure) {
    expectRefused({"--session", kTwoRuns, "--smoothing", "1"},
                  "--smoothing: 1 is out of range; expected 0 (raw curves) to 0.999");
    expectRefused({"--session", kTwoRuns, "--smoothing", "-0.1"}, "--smoothing: -0.1");
    expectRefused({"--session", kTwoRuns, "--lr", "0.1"},
                  "--session and --lr contradict each other");
    expectRefused({"--session", kData + "/data/session/bad/history_gap.lrscope"},
                  "history_gap.lrscope: runs[");
    expectRefused({"--session", path("missing.lrscope")}, "missing.lrscope");
    expectRefused({"--session", kTwoRuns, "--import", kData + "/data/import/bad/tb_ragged.csv"},
                  "tb_ragged.csv:");
    expectRefused({"--session", kTwoRuns, "--import", kLightning, "--y-column", "nope"},
                  "found no column 'nope'");
    expectRefused({"--session", kTwoRuns, "--x-column", "step"},
                  "--x-column: only applies to --import files");
    expectRefused({"--session", kTwoRuns, "--import"}, "--import: missing value");
    expectRefused({"--import", "--session", kTwoRuns}, "--import: missing value");
}

}  // namespace
}  // namespace lrscope::test
