// Joining runs CSVs and sessions by run number, as lrscope-cli merge does with shards.
#include "core/io/runs_merge.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/run_config_json.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {
namespace {

class RunsMerge : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "lrscope-merge-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string path(const std::string& name) const { return dir_ + "/" + name; }

    std::string dir_;
};

SessionRun sessionRun(int number, double loss) {
    SessionRun run;
    run.number = number;
    run.name = "run " + std::to_string(number);
    run.colour = "#000000";
    run.config.optimizer.lr = 0.01 * number;
    run.config.epochs = 3;
    for (int e = 0; e < 2; ++e) {
        EpochRecord r;
        r.runId = static_cast<RunId>(number);
        r.epoch = e;
        r.trainLoss = loss + e;
        r.lr = run.config.optimizer.lr;
        run.history.push_back(r);
    }
    return run;
}

Session sessionWith(const std::vector<int>& numbers, int panelEpochs) {
    Session s;
    s.panel.epochs = panelEpochs;
    s.views["curves"] = {{"panel", panelEpochs}};
    for (const int n : numbers) {
        s.runs.push_back(sessionRun(n, n));
    }
    s.importedRuns.push_back(ImportedRun{"from " + std::to_string(panelEpochs), "x", {}});
    return s;
}

std::vector<NamedHistory> named(const Session& s) {
    std::vector<NamedHistory> runs;
    for (const SessionRun& run : s.runs) {
        runs.push_back(namedHistoryOf(run));
    }
    return runs;
}

TEST_F(RunsMerge, CsvsAndSessionsJoinInRunOrder) {
    writeFileAtomically(path("a.csv"), longCsvText(named(sessionWith({1, 4}, 10))));
    writeSessionFile(path("b.lrscope"), sessionWith({2, 5}, 20));
    writeFileAtomically(path("c.csv"), longCsvText(named(sessionWith({3}, 30))));
    const MergedRuns merged =
        mergeRuns({readRunsSource(path("b.lrscope")), readRunsSource(path("c.csv")),
                   readRunsSource(path("a.csv"))});
    ASSERT_EQ(merged.runs.size(), 5u);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(merged.runs[static_cast<size_t>(i)].run, i + 1);
        EXPECT_EQ(merged.runs[static_cast<size_t>(i)].history[1].trainLoss, i + 2.0);
    }
    EXPECT_TRUE(merged.missingRuns.empty());
    // Byte for byte what the five runs give written at once.
    EXPECT_EQ(longCsvText(merged.runs), longCsvText(named(sessionWith({1, 2, 3, 4, 5}, 0))));
}

TEST_F(RunsMerge, ASessionBecomesTheRunsCsvOfItsRuns) {
    Session s = sessionWith({2, 7}, 10);
    s.runs[1].status = FinishedStatus::Diverged;
    s.runs[1].divergedAt = 2;
    writeSessionFile(path("s.lrscope"), s);
    const RunsSource source = readRunsSource(path("s.lrscope"));
    ASSERT_TRUE(source.session);
    EXPECT_EQ(longCsvText(mergeRuns({source}).runs),
              "run,name,optimizer,base_lr,epoch,train_loss,train_error,test_loss,test_error,lr,"
              "grad_norm,update_ratio,step_size,lr_changed_to,status,diverged_at\n"
              "2,run 2,sgd,0.02,0,2,,,,0.02,,,,,done,\n"
              "2,run 2,sgd,0.02,1,3,,,,0.02,,,,,done,\n"
              "7,run 7,sgd,0.07,0,7,,,,0.07,,,,,diverged,2\n"
              "7,run 7,sgd,0.07,1,8,,,,0.07,,,,,diverged,2\n");
}

TEST_F(RunsMerge, OneRunInTwoInputsNamesBothFiles) {
    writeSessionFile(path("a.lrscope"), sessionWith({1, 3}, 10));
    writeSessionFile(path("b.lrscope"), sessionWith({2, 3}, 20));
    Session changed = sessionWith({3}, 30);
    changed.runs[0].history[1].trainLoss = 0.5;
    writeSessionFile(path("c.lrscope"), changed);
    const auto a = readRunsSource(path("a.lrscope"));
    const auto b = readRunsSource(path("b.lrscope"));
    const auto c = readRunsSource(path("c.lrscope"));
    try {
        mergeRuns({a, b});
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path("a.lrscope") + " and " + path("b.lrscope") +
                      " both hold run 3 with the same rows (was one input given twice?); "
                      "expected each run in one input");
    }
    try {
        mergeSessions({a, c});
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path("a.lrscope") + " and " + path("c.lrscope") +
                      " both hold run 3 with different rows (overlapping shards); expected "
                      "each run in one input");
    }
}

TEST_F(RunsMerge, MissingRunsAreListed) {
    writeSessionFile(path("a.lrscope"), sessionWith({1, 4, 7}, 10));
    const MergedRuns merged = mergeRuns({readRunsSource(path("a.lrscope"))});
    EXPECT_EQ(merged.missingRuns, (std::vector<int>{2, 3, 5, 6}));
}

TEST_F(RunsMerge, SessionsTakePanelAndViewsFromTheLowestRun) {
    writeSessionFile(path("a.lrscope"), sessionWith({2, 4}, 10));
    writeSessionFile(path("b.lrscope"), sessionWith({1, 3}, 20));
    const Session merged =
        mergeSessions({readRunsSource(path("a.lrscope")), readRunsSource(path("b.lrscope"))});
    EXPECT_EQ(merged.panel.epochs, 20);
    EXPECT_EQ(merged.views.at("curves").at("panel"), 20);
    ASSERT_EQ(merged.runs.size(), 4u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(merged.runs[static_cast<size_t>(i)].number, i + 1);
    }
    ASSERT_EQ(merged.importedRuns.size(), 2u);
    EXPECT_EQ(merged.importedRuns[0].name, "from 10") << "imported curves in input order";
    EXPECT_EQ(
        sessionToJsonText(merged), sessionToJsonText([] {
            Session whole = sessionWith({1, 2, 3, 4}, 20);
            whole.importedRuns.insert(whole.importedRuns.begin(), ImportedRun{"from 10", "x", {}});
            return whole;
        }()));
}

TEST_F(RunsMerge, ARunsCsvCannotBecomeASession) {
    writeSessionFile(path("a.lrscope"), sessionWith({1}, 10));
    writeFileAtomically(path("b.csv"), longCsvText(named(sessionWith({2}, 20))));
    try {
        mergeSessions({readRunsSource(path("a.lrscope")), readRunsSource(path("b.csv"))});
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path("b.csv") +
                      ": a runs CSV holds no run settings; expected a session file "
                      "(.lrscope) to merge into a session");
    }
}

TEST_F(RunsMerge, BadInputsAreNamed) {
    writeFileAtomically(path("bad.lrscope"), "{\"format\": \"lrscope-session\", \"version\": 7}");
    EXPECT_THROW(readRunsSource(path("bad.lrscope")), InputError);
    writeFileAtomically(path("bad.csv"), "a,b\n1,2\n");
    try {
        readRunsSource(path("bad.csv"));
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path("bad.csv") + ":1: missing column 'run'", 0), 0u)
            << e.what();
    }
}

}  // namespace
}  // namespace lrscope::core
