// lrscope-cli as a user meets it: help, bad flags and bad files give exit 2 and a one-line
// message naming the place; existing output files are left untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kData = std::string(LRSCOPE_TEST_DATA_DIR) + "/data";

struct BadUsage {
    std::string name;
    std::vector<std::string> args;
    std::string message;  // must appear in stderr
};

void PrintTo(const BadUsage& usage, std::ostream* os) {
    *os << usage.name;
}

class CliBadUsage : public ::testing::TestWithParam<BadUsage> {};

TEST_P(CliBadUsage, ExitsTwoWithOneLineNamingTheProblem) {
    const auto& usage = GetParam();
    const CliResult run = runCli(usage.args);
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_NE(run.err.find(usage.message), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.rfind("lrscope-cli: ", 0), 0u) << run.err;
}

std::string name(const ::testing::TestParamInfo<BadUsage>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Flags, CliBadUsage,
    ::testing::Values(
        BadUsage{"UnknownCommand", {"trian"}, "unknown command 'trian'"},
        BadUsage{
            "UnknownFlag", {"train", "--learning-rate", "0.1"}, "unknown flag '--learning-rate'"},
        BadUsage{"MissingValue", {"train", "--lr"}, "--lr: missing value"},
        BadUsage{"NotANumber", {"train", "--lr", "fast"}, "--lr: 'fast' is not a number"},
        BadUsage{"HugeLearningRate", {"train", "--lr", "1e6"}, "--lr: 1e+06 is out of range"},
        BadUsage{"NegativeLearningRate", {"train", "--lr", "-0.1"}, "--lr"},
        BadUsage{"NanLearningRate", {"train", "--lr", "nan"}, "--lr: 'nan' is not a finite number"},
        BadUsage{"RepeatedFlag",
                 {"train", "--epochs", "3", "--epochs", "4"},
                 "--epochs: given more than once"},
        BadUsage{"ContradictoryShuffle", {"train", "--shuffle", "--no-shuffle"}, "contradict"},
        BadUsage{"DatasetAndData", {"train", "--dataset", "xor", "--data", "x.csv"}, "contradict"},
        BadUsage{"UnknownOptimizer", {"train", "--optimizer", "lbfgs"}, "--optimizer"},
        BadUsage{"FlagForAnotherOptimizer",
                 {"train", "--optimizer", "sgd", "--beta1", "0.9"},
                 "--beta1: does not apply to sgd"},
        // Plain sgd is torch.optim.SGD without momentum (core's setting table): momentum
        // and dampening belong to the momentum and nesterov optimizers.
        BadUsage{"MomentumForPlainSgd",
                 {"train", "--optimizer", "sgd", "--momentum", "0.9"},
                 "--momentum: does not apply to sgd; it applies to momentum, nesterov, rmsprop"},
        BadUsage{"DampeningForNesterov",
                 {"train", "--optimizer", "nesterov", "--dampening", "0.1"},
                 "--dampening: does not apply to nesterov; it applies to momentum"},
        BadUsage{"BetaOutOfRange", {"train", "--optimizer", "adam", "--beta1", "1.5"}, "--beta1"},
        BadUsage{"BadSchedule", {"train", "--schedule", "step:0:0.5"}, "--schedule"},
        BadUsage{"BadLayers", {"train", "--layers", "8,x"}, "--layers: 'x' is not a whole number"},
        BadUsage{"ZeroWidthLayer", {"train", "--layers", "8,0"}, "--layers"},
        BadUsage{"BadActivation", {"train", "--activation", "swish"}, "--activation"},
        BadUsage{"ZeroEpochs", {"train", "--epochs", "0"}, "--epochs"},
        BadUsage{"NegativeBatch", {"train", "--batch-size", "-1"}, "--batch-size"},
        BadUsage{"TestFractionOne", {"train", "--test-fraction", "1"}, "--test-fraction"},
        BadUsage{"SamplesWithCsv", {"train", "--data", "x.csv", "--samples", "10"}, "--samples"},
        BadUsage{"CrossEntropyOnSine",
                 {"train", "--dataset", "sine", "--loss", "cross_entropy"},
                 "--loss"},
        BadUsage{"MissingDataFile",
                 {"train", "--data", "/nonexistent/data.csv"},
                 "/nonexistent/data.csv"},
        BadUsage{"MissingWeightsFile",
                 {"train", "--init-weights", "/nonexistent/w.json"},
                 "/nonexistent/w.json"},
        BadUsage{"OutInMissingFolder", {"train", "--out", "/nonexistent/dir/run.csv"}, "--out"},
        BadUsage{
            "SweepLrAndRange", {"sweep", "--lr", "0.1", "--lr-range", "0.1:1:3"}, "contradict"},
        BadUsage{"SweepBadRange", {"sweep", "--lr-range", "1:0.1:3"}, "--lr-range"},
        BadUsage{"SweepThreads", {"sweep", "--threads", "0"}, "--threads"}),
    name);

TEST(Cli, HelpListsEveryTrainFlag) {
    const CliResult run = runCli({"train", "--help"});
    EXPECT_EQ(run.exitCode, 0);
    for (const char* flag :
         {"--dataset",      "--data",      "--target",       "--task",
          "--samples",      "--noise",     "--rows",         "--test-fraction",
          "--standardize",  "--layers",    "--activation",   "--loss",
          "--optimizer",    "--lr",        "--momentum",     "--dampening",
          "--weight-decay", "--rho",       "--alpha",        "--beta1",
          "--beta2",        "--eps",       "--lr-decay",     "--initial-accumulator",
          "--centered",     "--amsgrad",   "--schedule",     "--warmup",
          "--init",         "--bias-init", "--batch-size",   "--shuffle",
          "--epochs",       "--seed",      "--init-weights", "--save-weights",
          "--out"}) {
        EXPECT_NE(run.out.find(flag), std::string::npos) << flag;
    }
}

TEST(Cli, TrainPrintsTheDocumentedHeaderAndOneRowPerEpoch) {
    const CliResult run = runCli({"train", "--dataset", "xor", "--epochs", "4", "--samples", "40"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,"
                            "update_ratio",
                            0),
              0u);
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 6);
    EXPECT_TRUE(run.err.empty()) << "no progress line when stderr is not a terminal";
}

TEST(Cli, BadInputLeavesAnExistingOutputFileUntouched) {
    const std::string dir = makeTempDirectory();
    const std::string out = dir + "/run.csv";
    writeText(out, "precious\n");
    const CliResult run = runCli({"train", "--out", out, "--data", kData + "/bad/ragged.csv"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(readText(out), "precious\n");
    std::filesystem::remove_all(dir);
}

TEST(Cli, DivergedRunIsAResultWithAMessage) {
    const CliResult run = runCli({"train", "--dataset", "xor", "--samples", "40", "--lr", "100",
                                  "--loss", "mse", "--activation", "relu", "--epochs", "300"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.err.find("diverged at epoch"), std::string::npos) << run.err;
}

TEST(Cli, OutAndSaveWeightsWriteFilesThatLoadBack) {
    const std::string dir = makeTempDirectory();
    const CliResult first = runCli({"train", "--dataset", "iris", "--epochs", "5", "--out",
                                    dir + "/a.csv", "--save-weights", dir + "/w.json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_TRUE(first.out.empty());
    // Training zero further updates from the saved weights reproduces the last loss.
    const CliResult again = runCli({"train", "--dataset", "iris", "--epochs", "1", "--lr", "1e-300",
                                    "--init-weights", dir + "/w.json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const std::string saved = readText(dir + "/a.csv");
    const std::string lastRow = saved.substr(saved.rfind('\n', saved.size() - 2) + 1);
    const std::string firstRow = again.out.substr(again.out.find('\n') + 1);
    EXPECT_EQ(lastRow.substr(lastRow.find(',') + 1, 20),
              firstRow.substr(firstRow.find(',') + 1, 20));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lrscope::test
