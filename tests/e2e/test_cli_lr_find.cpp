// lrscope-cli lr-find against range tests computed by PyTorch in float64 from the same data
// and initial weights (tests/reference/make_range_test_reference.py writes the cases), and
// its bad flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/base/number_format.hpp"
#include "core/data/csv_reader.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::string kReference = std::string(LRSCOPE_TEST_DATA_DIR) + "/reference";

const nlohmann::json& referenceCases() {
    static const nlohmann::json cases =
        nlohmann::json::parse(readText(kReference + "/range_test_reference.json")).at("cases");
    return cases;
}

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& c : referenceCases()) {
        names.push_back(c.at("name").get<std::string>());
    }
    return names;
}

const nlohmann::json& referenceCase(const std::string& name) {
    for (const auto& c : referenceCases()) {
        if (c.at("name") == name) {
            return c;
        }
    }
    throw std::runtime_error("no reference case " + name);
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

class RangeTestReference : public ::testing::TestWithParam<std::string> {};

TEST_P(RangeTestReference, PerIterationLossesStopAndSuggestionsMatchWithin1e9Relative) {
    const nlohmann::json& want = referenceCase(GetParam());
    const std::string dir = makeTempDirectory();
    std::vector<std::string> args = {"lr-find"};
    for (const auto& arg : want.at("args")) {
        args.push_back(arg.get<std::string>());
    }
    args.insert(args.end(), {"--summary", dir + "/summary.json"});
    const CliResult run = runCli(args, kReference);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;

    const auto table = core::parseCsv(run.out, "stdout");
    const std::vector<std::string> header = {"iteration", "lr", "loss", "smoothed_loss"};
    EXPECT_EQ(table.header, header);
    const size_t recorded = want.at("recorded").get<size_t>();
    ASSERT_EQ(table.rows.size(), recorded) << "the test must stop where PyTorch's stops";
    for (size_t i = 0; i < recorded; ++i) {
        const auto& row = table.rows[i];
        const std::string at = "iteration " + std::to_string(i);
        EXPECT_EQ(row[0], std::to_string(i));
        expectRelativelyClose(want.at("lr")[i].get<double>(), number(row[1]), at + " lr");
        expectRelativelyClose(want.at("loss")[i].get<double>(), number(row[2]), at + " loss");
        expectRelativelyClose(want.at("smoothed_loss")[i].get<double>(), number(row[3]),
                              at + " smoothed_loss");
    }

    const auto summary = nlohmann::json::parse(readText(dir + "/summary.json"));
    EXPECT_EQ(summary.at("recorded").get<size_t>(), recorded);
    EXPECT_EQ(summary.at("stopped"), want.at("stopped"));
    for (const char* kind : {"valley", "steep", "minimum"}) {
        const auto& expected = want.at("suggestions").at(kind);
        const auto& actual = summary.at("suggestions").at(kind);
        if (expected.is_null()) {
            EXPECT_TRUE(actual.is_null()) << kind;
            EXPECT_TRUE(summary.at("reason").is_string());
        } else {
            ASSERT_TRUE(actual.is_number()) << kind;
            expectRelativelyClose(expected.get<double>(), actual.get<double>(), kind);
        }
    }
}

std::string testName(const ::testing::TestParamInfo<std::string>& param) {
    return param.param;
}

INSTANTIATE_TEST_SUITE_P(OptimizersLossesAndStops, RangeTestReference,
                         ::testing::ValuesIn(caseNames()), testName);

TEST(CliLrFind, TheReferencesCoverEveryWayToEnd) {
    std::set<std::string> stops;
    for (const auto& c : referenceCases()) {
        stops.insert(c.at("stopped").get<std::string>());
    }
    EXPECT_EQ(stops, (std::set<std::string>{"completed", "diverged", "non-finite"}));
}

TEST(CliLrFind, DefaultsRunOnTheDefaultDataAndOutWritesTheSameCsvAsStdout) {
    const CliResult toStdout = runCli({"lr-find"});
    ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
    EXPECT_EQ(toStdout.out.substr(0, toStdout.out.find('\n')), "iteration,lr,loss,smoothed_loss");
    EXPECT_NE(toStdout.err.find("suggested lr: valley"), std::string::npos) << toStdout.err;
    const auto table = core::parseCsv(toStdout.out, "stdout");
    ASSERT_FALSE(table.rows.empty());
    EXPECT_LE(table.rows.size(), 100u);
    EXPECT_EQ(number(table.rows.front()[1]), 1e-7);

    const std::string dir = makeTempDirectory();
    const CliResult toFile = runCli({"lr-find", "--out", dir + "/range.csv"});
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_TRUE(toFile.out.empty());
    EXPECT_EQ(readText(dir + "/range.csv"), toStdout.out) << "deterministic, same bytes";
}

TEST(CliLrFind, HelpDocumentsEveryFlagAndTheMainHelpListsTheCommand) {
    const CliResult help = runCli({"lr-find", "--help"});
    ASSERT_EQ(help.exitCode, 0);
    for (const char* flag : {"--start-lr", "--end-lr", "--iterations", "--smoothing",
                             "--stop-factor", "--out", "--summary", "--batch-size", "--no-shuffle",
                             "--init-weights", "valley", "steep", "minimum"}) {
        EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
    }
    EXPECT_NE(runCli({"--help"}).out.find("lr-find"), std::string::npos);
}

struct BadLrFind {
    std::string name;
    std::vector<std::string> args;
    std::string message;  // must appear in stderr
};

void PrintTo(const BadLrFind& usage, std::ostream* os) {
    *os << usage.name;
}

class CliLrFindBadUsage : public ::testing::TestWithParam<BadLrFind> {};

TEST_P(CliLrFindBadUsage, ExitsTwoWithOneLineNamingTheFlagAndLeavesOutputsUntouched) {
    const auto& usage = GetParam();
    const std::string dir = makeTempDirectory();
    writeText(dir + "/range.csv", "keep me\n");
    writeText(dir + "/summary.json", "keep me too\n");
    std::vector<std::string> args = {"lr-find"};
    args.insert(args.end(), usage.args.begin(), usage.args.end());
    args.insert(args.end(), {"--out", dir + "/range.csv", "--summary", dir + "/summary.json"});
    const CliResult run = runCli(args);
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_NE(run.err.find(usage.message), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.rfind("lrscope-cli: ", 0), 0u) << run.err;
    EXPECT_EQ(readText(dir + "/range.csv"), "keep me\n");
    EXPECT_EQ(readText(dir + "/summary.json"), "keep me too\n");
}

std::string badName(const ::testing::TestParamInfo<BadLrFind>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Flags, CliLrFindBadUsage,
    ::testing::Values(
        BadLrFind{"ZeroStart", {"--start-lr", "0"}, "--start-lr: 0 is out of range"},
        BadLrFind{"NegativeStart", {"--start-lr", "-1e-3"}, "--start-lr"},
        BadLrFind{"StartNotANumber", {"--start-lr", "tiny"}, "--start-lr: 'tiny' is not a number"},
        BadLrFind{"EndBelowStart",
                  {"--start-lr", "1e-2", "--end-lr", "1e-3"},
                  "--end-lr: 0.001 is out of range"},
        BadLrFind{"EndEqualsStart", {"--start-lr", "1", "--end-lr", "1"}, "--end-lr"},
        BadLrFind{"InfiniteEnd", {"--end-lr", "inf"}, "--end-lr: 'inf' is not a finite number"},
        BadLrFind{"ZeroIterations", {"--iterations", "0"}, "--iterations: 0 is out of range"},
        BadLrFind{"HugeIterations",
                  {"--iterations", "99999999999999"},
                  "--iterations: 99999999999999 is out of range"},
        BadLrFind{"FractionalIterations",
                  {"--iterations", "2.5"},
                  "--iterations: '2.5' is not a whole number"},
        BadLrFind{"SmoothingOne", {"--smoothing", "1"}, "--smoothing: 1 is out of range"},
        BadLrFind{"NegativeSmoothing", {"--smoothing", "-0.5"}, "--smoothing"},
        BadLrFind{"NegativeStopFactor", {"--stop-factor", "-2"}, "--stop-factor"},
        BadLrFind{"LrDoesNotApply", {"--lr", "0.1"}, "--lr: does not apply to lr-find"},
        BadLrFind{"EpochsDoNotApply", {"--epochs", "5"}, "--epochs: does not apply to lr-find"},
        BadLrFind{"ScheduleDoesNotApply",
                  {"--schedule", "exp:0.9"},
                  "--schedule: does not apply to lr-find"},
        BadLrFind{"TwoOptimizers", {"--optimizer", "sgd,adam"}, "--optimizer"},
        BadLrFind{"RunFlagsAreChecked", {"--batch-size", "-3"}, "--batch-size"},
        BadLrFind{"UnknownFlag", {"--start", "1e-5"}, "unknown flag '--start'"},
        BadLrFind{"MissingData", {"--data", "no/such/file.csv"}, "no/such/file.csv"}),
    badName);

TEST(CliLrFind, AnOutputIntoAMissingFolderIsRefusedBeforeTraining) {
    const CliResult run = runCli({"lr-find", "--summary", "/no/such/folder/s.json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--summary: folder '/no/such/folder' does not exist"), std::string::npos)
        << run.err;
    EXPECT_TRUE(run.out.empty()) << "nothing written before the check";
}

}  // namespace
}  // namespace lrscope::test
