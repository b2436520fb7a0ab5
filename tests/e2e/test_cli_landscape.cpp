// lrscope-cli landscape against torch.optim paths on the same functions
// (tests/reference/make_landscape_reference.py writes landscape_reference.json), and its
// handling of bad flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/analysis/test_function.hpp"
#include "core/base/number_format.hpp"
#include "core/data/csv_reader.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const nlohmann::json& landscapeReference() {
    static const nlohmann::json data = [] {
        std::ifstream in(std::string(LRSCOPE_TEST_DATA_DIR) +
                         "/reference/landscape_reference.json");
        return nlohmann::json::parse(in);
    }();
    return data;
}

std::vector<std::string> argsOf(const nlohmann::json& referenceCase) {
    const auto& start = referenceCase.at("start");
    std::vector<std::string> args = {"landscape",
                                     "--function",
                                     referenceCase.at("function").get<std::string>(),
                                     "--optimizer",
                                     referenceCase.at("optimizer").get<std::string>(),
                                     "--start",
                                     core::formatNumber(start.at(0).get<double>()) + "," +
                                         core::formatNumber(start.at(1).get<double>()),
                                     "--steps",
                                     std::to_string(referenceCase.at("steps").get<int>())};
    for (const auto& arg : referenceCase.at("args")) {
        args.push_back(arg.get<std::string>());
    }
    return args;
}

double number(const std::string& text) {
    const auto value = core::parseDouble(text);
    EXPECT_TRUE(value.has_value()) << text;
    return value.value_or(NAN);
}

constexpr double kTolerance = 1e-9;

void expectRelativelyClose(double expected, const std::string& actual, const std::string& what) {
    const double scale = std::max(std::abs(expected), 1e-300);
    EXPECT_LE(std::abs(expected - number(actual)) / scale, kTolerance)
        << what << ": torch " << expected << ", lrscope " << actual;
}

// The value agrees as well as the point does (see tests/core/test_optimizer_path.cpp): near a
// minimum it squares a cancelling sum, so it gets 1e-9 relative plus |grad f| |p| 1e-9.
void expectValueClose(core::TestFunctionKind function, double expected,
                      const std::vector<std::string>& row, const std::string& what) {
    const double x = number(row[2]);
    const double y = number(row[3]);
    const core::PlanePoint g = core::testFunctionGradient(function, {x, y});
    const double allowed =
        kTolerance * (std::abs(expected) + std::hypot(g.x, g.y) * std::hypot(x, y));
    EXPECT_LE(std::abs(expected - number(row[4])), allowed)
        << what << ": torch " << expected << ", lrscope " << row[4];
}

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& referenceCase : landscapeReference().at("cases")) {
        names.push_back(referenceCase.at("name").get<std::string>());
    }
    return names;
}

const nlohmann::json& caseNamed(const std::string& name) {
    for (const auto& referenceCase : landscapeReference().at("cases")) {
        if (referenceCase.at("name") == name) {
            return referenceCase;
        }
    }
    throw std::runtime_error("no case " + name);
}

class TorchPath : public ::testing::TestWithParam<std::string> {};

TEST_P(TorchPath, EveryStepMatchesWithin1e9Relative) {
    const auto& referenceCase = caseNamed(GetParam());
    const CliResult run = runCli(argsOf(referenceCase));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto table = core::parseCsv(run.out, "stdout");
    ASSERT_EQ(table.header, (std::vector<std::string>{"optimizer", "step", "x", "y", "value"}));
    const auto& expected = referenceCase.at("path");
    const auto function = core::parseTestFunction(referenceCase.at("function").get<std::string>());
    ASSERT_EQ(table.rows.size(), expected.size()) << "a path ends where torch's leaves the finite";
    for (size_t k = 0; k < expected.size(); ++k) {
        const auto& row = table.rows[k];
        const std::string what = "step " + std::to_string(k);
        EXPECT_EQ(row[0], referenceCase.at("optimizer").get<std::string>());
        EXPECT_EQ(row[1], std::to_string(k));
        expectRelativelyClose(expected[k][0].get<double>(), row[2], what + " x");
        expectRelativelyClose(expected[k][1].get<double>(), row[3], what + " y");
        expectValueClose(function, expected[k][2].get<double>(), row, what + " value");
    }
    if (referenceCase.at("diverged_at").is_null()) {
        EXPECT_TRUE(run.err.empty()) << run.err;
    } else {
        EXPECT_NE(run.err.find("diverged at step " +
                               std::to_string(referenceCase.at("diverged_at").get<int>())),
                  std::string::npos)
            << run.err;
    }
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    return info.param;
}

INSTANTIATE_TEST_SUITE_P(EveryOptimizer, TorchPath, ::testing::ValuesIn(caseNames()), testName);

// The rows of one optimizer in a landscape CSV.
std::string rowsOf(const std::string& csv, const std::string& optimizer) {
    std::string rows;
    std::istringstream lines(csv);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(optimizer + ",", 0) == 0) {
            rows += line + "\n";
        }
    }
    return rows;
}

TEST(CliLandscape, SeveralOptimizersGiveEachOnesPathAsIfAlone) {
    const std::vector<std::string> common = {"--function", "himmelblau", "--lr",    "0.01",
                                             "--start",    "-0.5,-4",    "--steps", "200"};
    std::vector<std::string> all = {"landscape", "--optimizer", "adam,sgd,rmsprop"};
    all.insert(all.end(), common.begin(), common.end());
    const CliResult together = runCli(all);
    ASSERT_EQ(together.exitCode, 0) << together.err;
    size_t rows = 0;
    for (const std::string optimizer : {"adam", "sgd", "rmsprop"}) {
        std::vector<std::string> one = {"landscape", "--optimizer", optimizer};
        one.insert(one.end(), common.begin(), common.end());
        const CliResult alone = runCli(one);
        ASSERT_EQ(alone.exitCode, 0) << alone.err;
        EXPECT_EQ(rowsOf(together.out, optimizer), rowsOf(alone.out, optimizer)) << optimizer;
        rows += 201;
    }
    EXPECT_EQ(std::count(together.out.begin(), together.out.end(), '\n'),
              static_cast<long>(rows) + 1);
    // Rows come in the order the optimizers were named.
    EXPECT_LT(together.out.find("adam,200,"), together.out.find("sgd,0,"));
    EXPECT_LT(together.out.find("sgd,200,"), together.out.find("rmsprop,0,"));
}

TEST(CliLandscape, OutWritesTheSameCsvAsStdout) {
    const std::string dir = makeTempDirectory();
    const std::vector<std::string> args = {"landscape", "--function", "bowl", "--optimizer",
                                           "momentum",  "--lr",       "0.02", "--start",
                                           "1,-1",      "--steps",    "50"};
    const CliResult toStdout = runCli(args);
    std::vector<std::string> withOut = args;
    withOut.insert(withOut.end(), {"--out", dir + "/path.csv"});
    const CliResult toFile = runCli(withOut);
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_TRUE(toFile.out.empty());
    EXPECT_EQ(readText(dir + "/path.csv"), toStdout.out);
    std::filesystem::remove_all(dir);
}

struct BadLandscape {
    std::string name;
    std::vector<std::string> args;  // replacing or adding to the good ones
    std::string named;              // what the message must name
};

class BadLandscapeFlags : public ::testing::TestWithParam<BadLandscape> {};

TEST_P(BadLandscapeFlags, ExitTwoWithOneLineAndLeaveTheOutputAlone) {
    const std::string dir = makeTempDirectory();
    const std::string out = dir + "/path.csv";
    writeText(out, "keep me\n");
    std::map<std::string, std::string> flags = {{"--function", "rosenbrock"},
                                                {"--optimizer", "sgd,adam"},
                                                {"--lr", "0.001"},
                                                {"--start", "-1.5,2"},
                                                {"--steps", "10"}};
    std::vector<std::string> extra;
    const auto& bad = GetParam().args;
    for (size_t i = 0; i < bad.size(); ++i) {
        const bool hasValue = i + 1 < bad.size() && bad[i + 1].rfind("--", 0) != 0;
        if (bad[i] == "--drop") {
            flags.erase(bad[++i]);
        } else if (flags.count(bad[i]) != 0 && hasValue) {
            flags[bad[i]] = bad[i + 1];
            ++i;
        } else {
            extra.push_back(bad[i]);
        }
    }
    std::vector<std::string> args = {"landscape", "--out", out};
    for (const auto& [flag, value] : flags) {
        args.insert(args.end(), {flag, value});
    }
    args.insert(args.end(), extra.begin(), extra.end());
    const CliResult run = runCli(args);
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find(GetParam().named), std::string::npos) << run.err;
    EXPECT_EQ(readText(out), "keep me\n");
    std::filesystem::remove_all(dir);
}

std::string badName(const ::testing::TestParamInfo<BadLandscape>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Flags, BadLandscapeFlags,
    ::testing::Values(
        BadLandscape{"UnknownFunction", {"--function", "ackley"}, "--function: unknown function"},
        BadLandscape{"MissingFunction", {"--drop", "--function"}, "--function: missing"},
        BadLandscape{"MissingLr", {"--drop", "--lr"}, "--lr: missing"},
        BadLandscape{"MissingStart", {"--drop", "--start"}, "--start: missing"},
        BadLandscape{"MissingSteps", {"--drop", "--steps"}, "--steps: missing"},
        BadLandscape{"MissingOptimizer", {"--drop", "--optimizer"}, "--optimizer: missing"},
        BadLandscape{"UnknownOptimizer", {"--optimizer", "sgd,lbfgs"}, "unknown optimizer 'lbfgs'"},
        BadLandscape{"RepeatedOptimizer", {"--optimizer", "adam,adam"}, "--optimizer: adam"},
        BadLandscape{"StartWithOneNumber", {"--start", "-1.5"}, "--start: '-1.5'"},
        BadLandscape{"StartWithThreeNumbers", {"--start", "1,2,3"}, "--start: '1,2,3'"},
        BadLandscape{"StartNotANumber", {"--start", "a,2"}, "--start: 'a,2'"},
        BadLandscape{"StartInfinite", {"--start", "inf,2"}, "--start: 'inf,2'"},
        BadLandscape{"StartWithoutFiniteValue", {"--start", "1e200,0"}, "--start: 1e+200,0"},
        BadLandscape{"ZeroSteps", {"--steps", "0"}, "--steps: 0 is out of range"},
        BadLandscape{"StepsNotAWholeNumber", {"--steps", "1.5"}, "--steps: '1.5'"},
        BadLandscape{"NegativeLr", {"--lr", "-0.1"}, "--lr: -0.1 is out of range"},
        BadLandscape{"LrTooLarge", {"--lr", "1000"}, "--lr: 1000 is out of range"},
        BadLandscape{"FlagForNoChosenOptimizer", {"--rho", "0.5"}, "--rho: does not apply"},
        BadLandscape{"SwitchForNoChosenOptimizer", {"--centered"}, "--centered: does not apply"},
        BadLandscape{"BadBeta", {"--beta1", "1.5"}, "--beta1: 1.5 is out of range"},
        BadLandscape{"BadSchedule", {"--schedule", "step:0:0.5"}, "--schedule"},
        BadLandscape{"NegativeWarmup", {"--warmup", "-3"}, "--warmup"},
        BadLandscape{"TrainOnlyFlag", {"--epochs", "5"}, "unknown flag '--epochs'"},
        BadLandscape{"StrayArgument", {"extra"}, "unexpected argument 'extra'"}),
    badName);

TEST(CliLandscape, OutIntoAMissingFolderIsRejectedBeforeAnyWork) {
    const CliResult run =
        runCli({"landscape", "--function", "booth", "--optimizer", "sgd", "--lr", "0.01", "--start",
                "0,0", "--steps", "5", "--out", "/nonexistent-folder/path.csv"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--out: folder '/nonexistent-folder' does not exist"), std::string::npos)
        << run.err;
    EXPECT_TRUE(run.out.empty());
}

}  // namespace
}  // namespace lrscope::test
