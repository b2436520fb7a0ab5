// Every file of the bad-input corpus gets exit 2 and a one-line message naming that file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kBad = std::string(LRSCOPE_TEST_DATA_DIR) + "/data/bad";

std::vector<std::string> badFiles(const std::string& extension) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kBad)) {
        if (entry.path().extension() == extension) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
    return name;
}

void expectCleanRejection(const CliResult& run, const std::string& file) {
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_NE(run.err.find(file), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_TRUE(run.out.empty()) << "nothing is trained from a bad file";
}

class BadCsv : public ::testing::TestWithParam<std::string> {};

TEST_P(BadCsv, IsRejectedWithItsName) {
    std::vector<std::string> args = {"train", "--data", GetParam(), "--epochs", "2"};
    if (GetParam() == "text_target.csv") {
        args.insert(args.end(), {"--task", "regress"});  // fine as class labels, bad as numbers
    }
    const CliResult run = runCli(args, kBad);
    expectCleanRejection(run, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadCsv, ::testing::ValuesIn(badFiles(".csv")), testName);

class BadWeights : public ::testing::TestWithParam<std::string> {};

TEST_P(BadWeights, IsRejectedWithItsName) {
    const CliResult run = runCli({"train", "--dataset", "xor", "--layers", "8", "--init-weights",
                                  GetParam(), "--epochs", "2"},
                                 kBad);
    expectCleanRejection(run, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadWeights, ::testing::ValuesIn(badFiles(".json")), testName);

class TrickyButValidCsv : public ::testing::TestWithParam<std::string> {};

TEST_P(TrickyButValidCsv, Trains) {
    std::vector<std::string> args = {"train", "--data",          GetParam(), "--epochs",
                                     "2",     "--test-fraction", "0"};
    if (GetParam() == "regression.csv") {
        args.insert(args.end(), {"--task", "regress"});
    }
    const CliResult run = runCli(args, std::string(LRSCOPE_TEST_DATA_DIR) + "/data/good");
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 4);
}

INSTANTIATE_TEST_SUITE_P(Corpus, TrickyButValidCsv, ::testing::ValuesIn([] {
                             std::vector<std::string> names;
                             for (const auto& entry : std::filesystem::directory_iterator(
                                      std::string(LRSCOPE_TEST_DATA_DIR) + "/data/good")) {
                                 if (entry.path().extension() == ".csv") {
                                     names.push_back(entry.path().filename().string());
                                 }
                             }
                             std::sort(names.begin(), names.end());
                             return names;
                         }()),
                         testName);

}  // namespace
}  // namespace lrscope::test
