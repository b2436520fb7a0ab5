// A run imported from a runs CSV keeps where it came from through a session ("imported_from"),
// and runs trained in lrscope are written without the key, as before.
#include <gtest/gtest.h>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {
namespace {

Session oneRun(const std::string& importedFrom) {
    SessionRun run;
    run.number = 1;
    run.name = "SGD lr=0.1";
    run.colour = "#0072b2";
    run.config.epochs = 1;
    EpochRecord record;
    record.trainLoss = 0.7;
    record.lr = 0.1;
    run.history.push_back(record);
    run.importedFrom = importedFrom;
    Session session;
    session.runs.push_back(run);
    return session;
}

TEST(SessionImportedFrom, AnImportedRunKeepsItsSource) {
    const std::string text = sessionToJsonText(oneRun("logs/runs \"a\".csv"));
    EXPECT_NE(text.find("\"imported_from\": \"logs/runs \\\"a\\\".csv\""), std::string::npos);
    EXPECT_EQ(sessionFromJsonText(text, "s.lrscope").runs[0].importedFrom, "logs/runs \"a\".csv");
}

TEST(SessionImportedFrom, TrainedRunsHaveNoKey) {
    const std::string text = sessionToJsonText(oneRun(""));
    EXPECT_EQ(text.find("imported_from"), std::string::npos);
    EXPECT_EQ(sessionFromJsonText(text, "s.lrscope").runs[0].importedFrom, "");
}

TEST(SessionImportedFrom, ANonStringSourceIsNamedByItsPath) {
    std::string text = sessionToJsonText(oneRun("x.csv"));
    text.replace(text.find("\"x.csv\""), 7, "42");
    try {
        sessionFromJsonText(text, "s.lrscope");
        FAIL() << "accepted a number as imported_from";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("s.lrscope: runs[0].imported_from: expected"),
                  std::string::npos)
            << error.what();
    }
}

}  // namespace
}  // namespace lrscope::core
