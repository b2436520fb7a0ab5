// `train --save-state` / `--resume`: a run saved after 5 epochs and resumed to 12 prints the
// rows the 12-epoch run prints, byte for byte; a state that does not fit the settings, or a
// broken file, exits 2 with one line naming the file and the JSON path.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

std::vector<std::string> trainArgs(const std::string& optimizer, int epochs) {
    return {"train",
            "--dataset",
            "moons",
            "--samples",
            "150",
            "--optimizer",
            optimizer,
            "--lr",
            "0.02",
            "--batch-size",
            "16",
            "--epochs",
            std::to_string(epochs)};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

TEST(CliResume, AResumedRunPrintsTheRowsOfOneLongerRun) {
    const std::string dir = makeTempDirectory();
    for (const std::string optimizer : {"momentum", "adam", "rmsprop", "adagrad"}) {
        SCOPED_TRACE(optimizer);
        const std::string state = dir + "/" + optimizer + ".json";
        const CliResult whole = runCli(trainArgs(optimizer, 12));
        const CliResult first = runCli(with(trainArgs(optimizer, 5), {"--save-state", state}));
        const CliResult rest = runCli(with(trainArgs(optimizer, 12), {"--resume", state}));
        ASSERT_EQ(whole.exitCode, 0) << whole.err;
        ASSERT_EQ(first.exitCode, 0) << first.err;
        ASSERT_EQ(rest.exitCode, 0) << rest.err;
        const std::string header = rest.out.substr(0, rest.out.find('\n') + 1);
        EXPECT_EQ(first.out + rest.out.substr(header.size()), whole.out);
    }
}

TEST(CliResume, AStateThatDoesNotFitOrIsBrokenIsRejectedWithItsPath) {
    const std::string dir = makeTempDirectory();
    const std::string state = dir + "/state.json";
    ASSERT_EQ(runCli(with(trainArgs("adam", 4), {"--save-state", state})).exitCode, 0);
    const std::string text = readText(state);

    const auto rejects = [&](const std::vector<std::string>& args, const std::string& needle) {
        const CliResult r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    };
    // Other settings than --epochs, or no more epochs.
    rejects(with(trainArgs("sgd", 8), {"--resume", state}), "$.config.optimizer");
    rejects(with(trainArgs("adam", 4), {"--resume", state}), "more epochs");
    // A truncated file, a wrong value deep inside, a missing file.
    writeText(dir + "/cut.json", text.substr(0, text.size() / 2));
    rejects(with(trainArgs("adam", 8), {"--resume", dir + "/cut.json"}), "cut.json: line 1");
    std::string bad = text;
    bad.replace(bad.find("\"parameters\":[") + 14, 0, "\"x\",");
    writeText(dir + "/bad.json", bad);
    rejects(with(trainArgs("adam", 8), {"--resume", dir + "/bad.json"}),
            "bad.json: $.parameters[0]: expected a finite number");
    rejects(with(trainArgs("adam", 8), {"--resume", dir + "/missing.json"}), "missing.json");
    // Moments of the wrong length.
    std::string shortMoments = text;
    const auto at = shortMoments.find("\"exp_avg\":[") + 11;
    shortMoments.erase(at, shortMoments.find(',', at) + 1 - at);
    writeText(dir + "/short.json", shortMoments);
    rejects(with(trainArgs("adam", 8), {"--resume", dir + "/short.json"}),
            "short.json: $.optimizer_state.buffers.exp_avg: ");
}

}  // namespace
}  // namespace lrscope::test
