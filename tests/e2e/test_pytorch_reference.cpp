// lrscope-cli train against per-epoch losses computed by PyTorch in float64 from the same data
// and initial weights (tests/reference/make_training_reference.py writes the cases).
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

const std::string kCases = std::string(LRSCOPE_TEST_DATA_DIR) + "/reference/training";

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
    std::vector<std::string> args = {"train"};
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            args.push_back(line);
        }
    }
    return args;
}

size_t column(const core::CsvTable& table, const std::string& name) {
    const auto it = std::find(table.header.begin(), table.header.end(), name);
    EXPECT_NE(it, table.header.end()) << name;
    return static_cast<size_t>(it - table.header.begin());
}

double number(const std::string& text) {
    const auto value = core::parseDouble(text);
    EXPECT_TRUE(value.has_value()) << text;
    return value.value_or(NAN);
}

void expectRelativelyClose(double expected, double actual, const std::string& what) {
    const double scale = std::max(std::abs(expected), 1e-300);
    EXPECT_LE(std::abs(expected - actual) / scale, 1e-9)
        << what << ": PyTorch " << expected << ", lrscope " << actual;
}

class PyTorchReference : public ::testing::TestWithParam<std::string> {};

TEST_P(PyTorchReference, PerEpochLossErrorAndRateMatchWithin1e9Relative) {
    const std::string name = GetParam();
    const CliResult run = runCli(readArgs(name), kCases);
    ASSERT_EQ(run.exitCode, 0) << run.err;

    const auto expected = core::parseCsv(readText(kCases + "/" + name + ".expected.csv"), name);
    const auto actual = core::parseCsv(run.out, "stdout");
    ASSERT_EQ(actual.rows.size(), expected.rows.size())
        << "a diverging run must stop at the same epoch as PyTorch's";
    ASSERT_GE(expected.rows.size(), 2u);
    for (size_t i = 0; i < expected.rows.size(); ++i) {
        const auto& want = expected.rows[i];
        const auto& got = actual.rows[i];
        const std::string epoch = "epoch " + want[column(expected, "epoch")];
        EXPECT_EQ(got[column(actual, "epoch")], want[column(expected, "epoch")]);
        expectRelativelyClose(number(want[column(expected, "train_loss")]),
                              number(got[column(actual, "train_loss")]), epoch + " train_loss");
        expectRelativelyClose(number(want[column(expected, "lr")]),
                              number(got[column(actual, "lr")]), epoch + " lr");
        const std::string wantError = want[column(expected, "train_error")];
        const std::string gotError = got[column(actual, "train_error")];
        if (wantError.empty()) {
            EXPECT_TRUE(gotError.empty()) << epoch << ": regression has no error rate";
        } else {
            EXPECT_NEAR(number(wantError), number(gotError), 1e-12) << epoch << " train_error";
        }
    }
}

std::string testName(const ::testing::TestParamInfo<std::string>& param) {
    return param.param;
}

INSTANTIATE_TEST_SUITE_P(AllOptimizersLossesAndSchedules, PyTorchReference,
                         ::testing::ValuesIn(caseNames()), testName);

}  // namespace
}  // namespace lrscope::test
