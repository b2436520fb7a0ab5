// Session files, shards and merge, the summary JSON and the runs CSV's status, as a user of
// lrscope-cli meets them.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/base/number_format.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/session_file.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

// 2 optimizers x 4 rates = 8 runs; 30 is high enough for SGD on this data to diverge.
const std::vector<std::string> kSweep = {"sweep",
                                         "--dataset",
                                         "xor",
                                         "--samples",
                                         "60",
                                         "--epochs",
                                         "12",
                                         "--layers",
                                         "6",
                                         "--loss",
                                         "mse",
                                         "--activation",
                                         "relu",
                                         "--optimizer",
                                         "sgd,adam",
                                         "--lr",
                                         "0.01,0.1,1,30",
                                         "--threads",
                                         "2"};
constexpr int kRuns = 8;

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

class CliSessions : public ::testing::Test {
protected:
    void SetUp() override { dir_ = makeTempDirectory(); }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string path(const std::string& name) const { return dir_ + "/" + name; }

    // The whole sweep once, with every output.
    void sweepWhole() {
        const CliResult whole =
            runCli(with(kSweep, {"--out", path("all.csv"), "--session-out", path("all.lrscope"),
                                 "--summary", path("all.json")}));
        ASSERT_EQ(whole.exitCode, 0) << whole.err;
    }

    std::string dir_;
};

TEST_F(CliSessions, ShardsMergeIntoTheWholeSweepByteForByte) {
    sweepWhole();
    std::vector<std::string> csvs = {"merge"};
    std::vector<std::string> sessions = {"merge"};
    // 3 shards of 8 runs: 1,4,7 / 2,5,8 / 3,6. Given out of order on purpose.
    for (const int k : {2, 3, 1}) {
        const std::string shard = std::to_string(k) + "/3";
        const std::string name = "part" + std::to_string(k);
        const CliResult part = runCli(with(kSweep, {"--shard", shard, "--out", path(name + ".csv"),
                                                    "--session-out", path(name + ".lrscope")}));
        ASSERT_EQ(part.exitCode, 0) << part.err;
        csvs.push_back(path(name + ".csv"));
        sessions.push_back(path(name + ".lrscope"));
    }
    // A shard holds exactly its runs, with their numbers in the whole sweep.
    const auto part2 = core::readLongCsvFile(path("part2.csv"));
    ASSERT_EQ(part2.size(), 3u);
    EXPECT_EQ(part2[0].run, 2);
    EXPECT_EQ(part2[1].run, 5);
    EXPECT_EQ(part2[2].run, 8);

    const CliResult mergedCsv = runCli(with(csvs, {"--out", path("merged.csv")}));
    ASSERT_EQ(mergedCsv.exitCode, 0) << mergedCsv.err;
    EXPECT_TRUE(mergedCsv.err.empty()) << mergedCsv.err;
    EXPECT_EQ(readText(path("merged.csv")), readText(path("all.csv")));

    const CliResult mergedSession =
        runCli(with(sessions, {"--session-out", path("merged.lrscope")}));
    ASSERT_EQ(mergedSession.exitCode, 0) << mergedSession.err;
    EXPECT_EQ(readText(path("merged.lrscope")), readText(path("all.lrscope")));

    // Sessions and CSVs mix when the output is a CSV; stdout without --out.
    const CliResult mixed =
        runCli({"merge", path("part1.lrscope"), path("part2.csv"), path("part3.lrscope")});
    ASSERT_EQ(mixed.exitCode, 0) << mixed.err;
    EXPECT_EQ(mixed.out, readText(path("all.csv")));
}

TEST_F(CliSessions, ASessionMergesIntoTheSweepsRunsCsv) {
    sweepWhole();
    const CliResult run = runCli({"merge", path("all.lrscope"), "--out", path("runs.csv")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(readText(path("runs.csv")), readText(path("all.csv")));
}

TEST_F(CliSessions, SweepSessionHoldsEveryRunAsTheWindowDrawsIt) {
    sweepWhole();
    const core::Session session = core::readSessionFile(path("all.lrscope"));
    const auto csv = core::readLongCsvFile(path("all.csv"));
    ASSERT_EQ(session.runs.size(), static_cast<size_t>(kRuns));
    ASSERT_EQ(csv.size(), static_cast<size_t>(kRuns));
    const std::vector<std::string> palette = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                              "#e69f00", "#56b4e9", "#000000", "#882255"};
    bool anyDiverged = false;
    for (size_t i = 0; i < session.runs.size(); ++i) {
        const core::SessionRun& run = session.runs[i];
        EXPECT_EQ(run.number, static_cast<int>(i + 1));
        EXPECT_EQ(run.colour, palette[i]);
        EXPECT_TRUE(run.visible);
        EXPECT_EQ(run.sweep, 1);  // the window lists them as one sweep
        EXPECT_EQ(run.name, csv[i].name);
        EXPECT_EQ(run.status, csv[i].status);
        EXPECT_EQ(run.divergedAt, csv[i].divergedAt);
        EXPECT_TRUE(run.finalWeights);
        ASSERT_EQ(run.history.size(), csv[i].history.size());
        for (size_t e = 0; e < run.history.size(); ++e) {
            EXPECT_EQ(core::historyCsvRow(run.history[e]), core::historyCsvRow(csv[i].history[e]));
        }
        anyDiverged = anyDiverged || run.status == core::FinishedStatus::Diverged;
    }
    EXPECT_TRUE(anyDiverged) << "the sweep is meant to hold a diverged run";
    EXPECT_EQ(session.panel.optimizer.lr, 0.01) << "the panel holds the first run's settings";
    EXPECT_TRUE(session.views.empty());
}

TEST_F(CliSessions, RunsCsvKeepsTheDivergedStatusOnEveryRow) {
    sweepWhole();
    const auto runs = core::readLongCsvFile(path("all.csv"));
    for (const core::NamedHistory& run : runs) {
        ASSERT_TRUE(run.status) << run.name;
        const bool diverged = *run.status == core::FinishedStatus::Diverged;
        EXPECT_EQ(diverged, run.divergedAt.has_value()) << run.name;
        if (diverged) {
            // The first epoch that is not in the history.
            EXPECT_EQ(*run.divergedAt, run.history.back().epoch + 1) << run.name;
        } else {
            EXPECT_EQ(*run.status, core::FinishedStatus::Done) << run.name;
            EXPECT_EQ(run.history.back().epoch, 12) << run.name;
        }
    }
}

TEST_F(CliSessions, SummaryJsonMatchesTheRunsCsv) {
    sweepWhole();
    const auto summary = nlohmann::json::parse(readText(path("all.json")));
    const auto runs = core::readLongCsvFile(path("all.csv"));
    ASSERT_TRUE(summary.is_array());
    ASSERT_EQ(summary.size(), runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto& entry = summary[i];
        const auto& run = runs[i];
        SCOPED_TRACE(run.name);
        std::vector<std::string> keys;
        for (const auto& [key, value] : entry.items()) {
            keys.push_back(key);
        }
        EXPECT_EQ(keys,
                  (std::vector<std::string>{"best_test_loss", "diverged_at", "final_test_loss",
                                            "final_train_loss", "lr", "optimizer", "status"}));
        EXPECT_EQ(entry["optimizer"], run.optimizer);
        EXPECT_EQ(entry["lr"].get<double>(), run.baseLr);
        EXPECT_EQ(entry["final_train_loss"].get<double>(), run.history.back().trainLoss);
        EXPECT_EQ(entry["final_test_loss"].get<double>(), *run.history.back().testLoss);
        double best = *run.history.front().testLoss;
        for (const auto& record : run.history) {
            best = std::min(best, *record.testLoss);
        }
        EXPECT_EQ(entry["best_test_loss"].get<double>(), best);
        EXPECT_EQ(entry["status"], std::string(core::finishedStatusName(*run.status)));
        if (run.divergedAt) {
            EXPECT_EQ(entry["diverged_at"], *run.divergedAt);
        } else {
            EXPECT_TRUE(entry["diverged_at"].is_null());
        }
    }
}

TEST_F(CliSessions, SummaryJsonHasNullTestLossesWithoutATestSplit) {
    const CliResult run =
        runCli({"sweep", "--dataset", "xor", "--samples", "40", "--epochs", "3", "--test-fraction",
                "0", "--lr", "0.1", "--summary", path("s.json")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto summary = nlohmann::json::parse(readText(path("s.json")));
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_TRUE(summary[0]["final_test_loss"].is_null());
    EXPECT_TRUE(summary[0]["best_test_loss"].is_null());
    EXPECT_TRUE(summary[0]["final_train_loss"].is_number());
    // The table on stderr names both best losses and shows "-" for the missing one.
    EXPECT_NE(run.err.find("best train loss"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("best test loss"), std::string::npos) << run.err;
}

TEST_F(CliSessions, TrainSessionOutHoldsTheRunAsTheCsvShowsIt) {
    const CliResult run = runCli({"train", "--dataset", "moons", "--epochs", "5", "--optimizer",
                                  "adam", "--lr", "0.003", "--session-out", path("t.lrscope")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const core::Session session = core::readSessionFile(path("t.lrscope"));
    ASSERT_EQ(session.runs.size(), 1u);
    const core::SessionRun& saved = session.runs[0];
    EXPECT_EQ(saved.name, "Adam lr=3e-3");
    EXPECT_EQ(saved.colour, "#0072b2");
    EXPECT_EQ(saved.sweep, 0);
    EXPECT_EQ(saved.status, core::FinishedStatus::Done);
    std::istringstream lines(run.out);
    std::string line;
    std::getline(lines, line);  // header
    size_t e = 0;
    while (std::getline(lines, line)) {
        ASSERT_LT(e, saved.history.size());
        EXPECT_EQ(core::historyCsvRow(saved.history[e]), line);
        ++e;
    }
    EXPECT_EQ(e, saved.history.size());
}

TEST_F(CliSessions, OverlappingShardsAreAnErrorNamingBothFiles) {
    ASSERT_EQ(runCli(with(kSweep, {"--shard", "1/2", "--out", path("a.csv")})).exitCode, 0);
    ASSERT_EQ(runCli(with(kSweep, {"--shard", "1/4", "--out", path("b.csv")})).exitCode, 0);
    writeText(path("out.csv"), "precious\n");
    const CliResult same =
        runCli({"merge", path("a.csv"), path("b.csv"), "--out", path("out.csv")});
    EXPECT_EQ(same.exitCode, 2);
    EXPECT_EQ(same.err, "lrscope-cli: " + path("a.csv") + " and " + path("b.csv") +
                            " both hold run 1 with the same rows (was one input given twice?); "
                            "expected each run in one input\n");
    EXPECT_EQ(readText(path("out.csv")), "precious\n");
}

TEST_F(CliSessions, ConflictingRowsAreNamedAsSuch) {
    ASSERT_EQ(runCli(with(kSweep, {"--shard", "1/2", "--out", path("a.csv")})).exitCode, 0);
    // b holds run 3 of a with one train loss changed.
    std::istringstream lines(readText(path("a.csv")));
    std::string line;
    std::getline(lines, line);
    std::string b = line + "\n";
    while (std::getline(lines, line)) {
        if (line.starts_with("3,")) {
            b += line + "\n";
        }
    }
    const std::string row = "3,SGD lr=1,sgd,1,2,";
    const size_t at = b.find(row);
    ASSERT_NE(at, std::string::npos) << b;
    b.insert(at + row.size(), "9");
    writeText(path("b.csv"), b);
    const CliResult run = runCli({"merge", path("a.csv"), path("b.csv")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err, "lrscope-cli: " + path("a.csv") + " and " + path("b.csv") +
                           " both hold run 3 with different rows (overlapping shards); expected "
                           "each run in one input\n");
    EXPECT_TRUE(run.out.empty());
}

TEST_F(CliSessions, AMissingShardIsNoted) {
    ASSERT_EQ(runCli(with(kSweep, {"--shard", "1/3", "--out", path("a.csv")})).exitCode, 0);
    ASSERT_EQ(runCli(with(kSweep, {"--shard", "3/3", "--out", path("c.csv")})).exitCode, 0);
    const CliResult run = runCli({"merge", path("a.csv"), path("c.csv"), "--out", path("m.csv")});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.err,
              "lrscope-cli: merge: note: no input holds run 2, 5 (the highest run is 7); "
              "was a shard left out?\n");
}

TEST_F(CliSessions, BadInputsToMergeExitTwoNamingTheFile) {
    sweepWhole();
    writeText(path("out.lrscope"), "precious\n");
    const CliResult csvToSession = runCli(
        {"merge", path("all.lrscope"), path("all.csv"), "--session-out", path("out.lrscope")});
    EXPECT_EQ(csvToSession.exitCode, 2);
    EXPECT_EQ(csvToSession.err, "lrscope-cli: " + path("all.csv") +
                                    ": a runs CSV holds no run settings; expected a session file "
                                    "(.lrscope) to merge into a session\n");
    EXPECT_EQ(readText(path("out.lrscope")), "precious\n");

    std::string broken = readText(path("all.lrscope"));
    broken.resize(broken.size() / 2);
    writeText(path("broken.lrscope"), broken);
    const CliResult truncated = runCli({"merge", path("broken.lrscope"), "--out", path("x.csv")});
    EXPECT_EQ(truncated.exitCode, 2);
    EXPECT_EQ(truncated.err.rfind("lrscope-cli: " + path("broken.lrscope") + ": line ", 0), 0u)
        << truncated.err;
    EXPECT_EQ(std::count(truncated.err.begin(), truncated.err.end(), '\n'), 1);
    EXPECT_FALSE(std::filesystem::exists(path("x.csv")));

    const CliResult none = runCli({"merge", "--out", path("x.csv")});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("no input files"), std::string::npos) << none.err;
    const CliResult missing = runCli({"merge", path("nope.csv")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find(path("nope.csv")), std::string::npos) << missing.err;
}

struct BadShard {
    std::string value;
    std::string message;
};

std::string shardCaseName(const ::testing::TestParamInfo<BadShard>& info) {
    return "case" + std::to_string(info.index);
}

class CliBadShard : public ::testing::TestWithParam<BadShard> {};

TEST_P(CliBadShard, ExitsTwoNamingTheFlag) {
    const std::string dir = makeTempDirectory();
    writeText(dir + "/out.csv", "precious\n");
    const CliResult run =
        runCli(with(kSweep, {"--shard", GetParam().value, "--out", dir + "/out.csv"}));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err, "lrscope-cli: --shard: " + GetParam().message + "\n");
    EXPECT_EQ(readText(dir + "/out.csv"), "precious\n");
    std::filesystem::remove_all(dir);
}

const std::string kNotAShard =
    "' is not a shard; expected K/N with whole numbers 1 <= K <= N (2/4: the second of four "
    "shards)";

INSTANTIATE_TEST_SUITE_P(
    Values, CliBadShard,
    ::testing::Values(BadShard{"0/3", "'0/3" + kNotAShard}, BadShard{"4/3", "'4/3" + kNotAShard},
                      BadShard{"x/y", "'x/y" + kNotAShard}, BadShard{"3", "'3" + kNotAShard},
                      BadShard{"1/0", "'1/0" + kNotAShard}, BadShard{"-1/3", "'-1/3" + kNotAShard},
                      BadShard{"1.5/3", "'1.5/3" + kNotAShard},
                      BadShard{"+1/3", "'+1/3" + kNotAShard},
                      BadShard{"1/9",
                               "1/9 splits 8 runs into 9 shards; expected at most 8 shards "
                               "(one run or more each)"}),
    shardCaseName);

}  // namespace
}  // namespace lrscope::test
