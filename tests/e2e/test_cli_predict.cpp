// lrscope-cli predict against a PyTorch forward pass of the same weights
// (tests/reference/make_predict_reference.py writes the cases), a train -> predict round trip
// through the model block, and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/base/number_format.hpp"
#include "core/data/csv_reader.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kCases = std::string(LRSCOPE_TEST_DATA_DIR) + "/reference/predict";

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kCases)) {
        if (entry.path().extension() == ".args") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> readArgs(const std::string& name) {
    std::istringstream lines(readText(kCases + "/" + name + ".args"));
    std::vector<std::string> args = {"predict"};
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            args.push_back(line);
        }
    }
    return args;
}

double number(const std::string& text) {
    const auto value = core::parseDouble(text);
    EXPECT_TRUE(value.has_value()) << text;
    return value.value_or(NAN);
}

class TorchForward : public ::testing::TestWithParam<std::string> {};

TEST_P(TorchForward, OutputsAndProbabilitiesMatchWithin1e12RelativeAndClassesExactly) {
    const std::string name = GetParam();
    const CliResult run = runCli(readArgs(name), kCases);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto expected = core::parseCsv(readText(kCases + "/" + name + ".expected.csv"), name);
    const auto actual = core::parseCsv(run.out, "stdout");
    ASSERT_EQ(actual.header, expected.header);
    ASSERT_EQ(actual.rows.size(), expected.rows.size());
    double worst = 0.0;
    for (size_t r = 0; r < expected.rows.size(); ++r) {
        for (size_t c = 0; c < expected.header.size(); ++c) {
            const std::string where = "row " + std::to_string(r + 1) + " " + expected.header[c];
            const std::string& want = expected.rows[r][c];
            const std::string& got = actual.rows[r][c];
            if (expected.header[c] == "predicted") {
                EXPECT_EQ(got, want) << where;
                continue;
            }
            const double relative =
                std::abs(number(got) - number(want)) / std::max(std::abs(number(want)), 1e-300);
            worst = std::max(worst, relative);
            EXPECT_LE(relative, 1e-12) << where << ": PyTorch " << want << ", lrscope " << got;
        }
    }
    RecordProperty("largest_relative_difference", core::formatNumber(worst));
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    return info.param;
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutModelBlock, TorchForward, ::testing::ValuesIn(caseNames()),
                         testName);

// Fraction of rows whose `predicted` differs from the data's label column.
double errorRate(const core::CsvTable& predictions, const core::CsvTable& data,
                 const std::string& labelColumn) {
    const auto predicted = static_cast<size_t>(
        std::find(predictions.header.begin(), predictions.header.end(), "predicted") -
        predictions.header.begin());
    const auto label = static_cast<size_t>(
        std::find(data.header.begin(), data.header.end(), labelColumn) - data.header.begin());
    long wrong = 0;
    for (size_t r = 0; r < data.rows.size(); ++r) {
        wrong += predictions.rows[r][predicted] != data.rows[r][label] ? 1 : 0;
    }
    return static_cast<double>(wrong) / static_cast<double>(data.rows.size());
}

TEST(CliPredict, TrainedWeightsPredictTheirOwnTrainingErrorThroughTheModelBlock) {
    // iris has string labels; train standardises its features (the default), so predict must
    // apply the saved mean/std, drop the saved label column and name the classes as the file.
    const std::string dir = makeTempDirectory();
    const std::string iris = std::string(LRSCOPE_TEST_DATA_DIR) + "/../resources/data/iris.csv";
    const CliResult train =
        runCli({"train", "--dataset", "iris", "--test-fraction", "0", "--epochs", "30",
                "--activation", "relu", "--save-weights", dir + "/w.json"});
    ASSERT_EQ(train.exitCode, 0) << train.err;
    const auto history = core::parseCsv(train.out, "train");
    const double finalTrainError = number(history.rows.back()[2]);

    // The shipped set's own file: the same rows, with the species names as labels.
    const CliResult predict = runCli({"predict", "--weights", dir + "/w.json", "--data", iris});
    ASSERT_EQ(predict.exitCode, 0) << predict.err;
    const auto predictions = core::parseCsv(predict.out, "predict");
    const auto table = core::parseCsv(readText(iris), "iris.csv");
    ASSERT_EQ(predictions.rows.size(), table.rows.size());
    EXPECT_EQ(predictions.header.back(), "predicted");
    EXPECT_DOUBLE_EQ(errorRate(predictions, table, "species"), finalTrainError);
    EXPECT_GT(finalTrainError, 0.0) << "some rows are wrong, so a wrong class name would show";
    std::filesystem::remove_all(dir);
}

struct BadPredict {
    std::string name;
    std::vector<std::string> args;  // after "predict"; FILE stands for a file written first
    std::string fileText;           // contents of FILE
    std::string named;              // what the message must name
};

class BadPredictInput : public ::testing::TestWithParam<BadPredict> {};

TEST_P(BadPredictInput, ExitTwoWithOneLineAndLeaveTheOutputAlone) {
    const std::string dir = makeTempDirectory();
    writeText(dir + "/out.csv", "keep me\n");
    writeText(dir + "/FILE", GetParam().fileText);
    std::vector<std::string> args = {"predict", "--out", dir + "/out.csv"};
    for (const auto& arg : GetParam().args) {
        args.push_back(arg == "FILE" ? dir + "/FILE" : arg);
    }
    const CliResult run = runCli(args, kCases);
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find(GetParam().named), std::string::npos) << run.err;
    EXPECT_EQ(readText(dir + "/out.csv"), "keep me\n");
    std::filesystem::remove_all(dir);
}

std::string badName(const ::testing::TestParamInfo<BadPredict>& info) {
    return info.param.name;
}

const std::string kWeights = "tanh_no_model_block.weights.json";  // 3 inputs, 3 outputs
const std::string kData = "tanh_no_model_block.csv";              // a, b, c, label

INSTANTIATE_TEST_SUITE_P(
    Inputs, BadPredictInput,
    ::testing::Values(
        BadPredict{"MissingWeights", {"--data", kData}, "", "--weights: missing"},
        BadPredict{"MissingData", {"--weights", kWeights}, "", "--data: missing"},
        BadPredict{"WeightsNotFound", {"--weights", "nope.json", "--data", kData}, "", "nope.json"},
        BadPredict{"DataNotFound", {"--weights", kWeights, "--data", "nope.csv"}, "", "nope.csv"},
        BadPredict{"LabelLeftIn",
                   {"--weights", kWeights, "--data", kData},
                   "",
                   "4 feature columns ('a', 'b', 'c', 'label'), but the network in " + kWeights +
                       " takes 3 inputs; name the label column with --target"},
        BadPredict{"UnknownTarget",
                   {"--weights", kWeights, "--data", kData, "--target", "species"},
                   "",
                   "target column 'species' not found"},
        BadPredict{"NonNumericFeature",
                   {"--weights", kWeights, "--data", "FILE"},
                   "a,b,c\n1,2,3\n4,five,6\n",
                   "FILE:3:2: 'five' is not a number (feature 'b')"},
        BadPredict{"InfiniteFeature",
                   {"--weights", kWeights, "--data", "FILE"},
                   "a,b,c\n1,2,inf\n",
                   "FILE:2:3: 'inf' is not a finite number"},
        BadPredict{
            "RaggedData", {"--weights", kWeights, "--data", "FILE"}, "a,b,c\n1,2\n", "FILE:2"},
        BadPredict{"HeaderOnly", {"--weights", kWeights, "--data", "FILE"}, "a,b,c\n", "FILE"},
        BadPredict{
            "UnknownActivation",
            {"--weights", kWeights, "--data", kData, "--target", "label", "--activation", "swish"},
            "",
            "--activation: unknown activation 'swish'"},
        BadPredict{"UnknownLoss",
                   {"--weights", kWeights, "--data", kData, "--target", "label", "--loss", "l1"},
                   "",
                   "--loss: unknown loss 'l1'"},
        BadPredict{"CorruptModelBlock",
                   {"--weights", "FILE", "--data", kData, "--target", "label"},
                   R"({"model": {"input_mean": [0, 0, 0], "input_std": [1, 0, 1]},
                       "layers": [{"weight": [[1, 2, 3]], "bias": [0]}]})",
                   "FILE: model.input_std[1]: expected a number > 0, found 0"},
        BadPredict{"UnknownFlag",
                   {"--weights", kWeights, "--data", kData, "--epochs", "3"},
                   "",
                   "unknown flag '--epochs'"}),
    badName);

std::vector<std::string> badCsvFiles() {
    std::vector<std::string> names;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(LRSCOPE_TEST_DATA_DIR) + "/data/bad")) {
        if (entry.path().extension() == ".csv") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class BadDataFile : public ::testing::TestWithParam<std::string> {};

TEST_P(BadDataFile, IsRejectedWithItsName) {
    const CliResult run =
        runCli({"predict", "--weights", kCases + "/" + kWeights, "--data", GetParam()},
               std::string(LRSCOPE_TEST_DATA_DIR) + "/data/bad");
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_EQ(run.err.rfind("lrscope-cli: " + GetParam(), 0), 0u) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_TRUE(run.out.empty());
}

std::string fileTestName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadDataFile, ::testing::ValuesIn(badCsvFiles()), fileTestName);

}  // namespace
}  // namespace lrscope::test
