// Same config, same bytes: repeated runs, 1 vs 2 threads, and a sweep vs the runs alone.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

const std::vector<std::string> kRun = {"--dataset", "spiral", "--samples", "120",
                                       "--epochs",  "15",     "--layers",  "8,8"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

// The sweep's rows of one run, without the run,name,optimizer,base_lr prefix and the
// status,diverged_at suffix.
std::string sweepRowsOf(const std::string& csv, int run) {
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);  // header
    std::string rows;
    const std::string prefix = std::to_string(run) + ",";
    while (std::getline(lines, line)) {
        if (line.rfind(prefix, 0) == 0) {
            size_t cut = 0;
            for (int i = 0; i < 4; ++i) {
                cut = line.find(',', cut) + 1;
            }
            const size_t end = line.rfind(',', line.rfind(',') - 1);
            rows += line.substr(cut, end - cut) + "\n";
        }
    }
    return rows;
}

TEST(CliDeterminism, RepeatedTrainRunsAreByteIdentical) {
    const auto args = with({"train"}, kRun);
    const CliResult a = runCli(args);
    const CliResult b = runCli(args);
    ASSERT_EQ(a.exitCode, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
}

TEST(CliDeterminism, SweepMatchesEachRunAloneWithOneOrTwoThreads) {
    const auto sweep = with({"sweep", "--optimizer", "sgd,adam", "--lr", "0.01,0.3"}, kRun);
    const CliResult one = runCli(with(sweep, {"--threads", "1"}));
    const CliResult two = runCli(with(sweep, {"--threads", "2"}));
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(one.out, two.out);

    int run = 1;
    for (const char* optimizer : {"sgd", "adam"}) {
        for (const char* lr : {"0.01", "0.3"}) {
            const CliResult alone =
                runCli(with({"train", "--optimizer", optimizer, "--lr", lr}, kRun));
            ASSERT_EQ(alone.exitCode, 0) << alone.err;
            const std::string body = alone.out.substr(alone.out.find('\n') + 1);
            EXPECT_EQ(sweepRowsOf(one.out, run), body) << optimizer << " lr=" << lr;
            ++run;
        }
    }
}

TEST(CliDeterminism, SweepSummaryMarksDivergedRuns) {
    const CliResult run = runCli({"sweep", "--dataset", "xor", "--samples", "40", "--epochs", "200",
                                  "--loss", "mse", "--activation", "relu", "--lr", "0.01,100"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("diverged @ epoch"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("done"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace lrscope::test
