// A run of one of the window's sweeps keeps its sweep through a session ("sweep": N), so the
// window lists the runs as one again; other runs are written without the key, as before.
#include <gtest/gtest.h>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {
namespace {

Session oneRun(int sweep) {
    SessionRun run;
    run.number = 1;
    run.name = "SGD lr=0.1 · sweep 3";
    run.colour = "#0072b2";
    run.sweep = sweep;
    run.config.epochs = 1;
    EpochRecord record;
    record.trainLoss = 0.7;
    record.lr = 0.1;
    run.history.push_back(record);
    Session session;
    session.runs.push_back(run);
    return session;
}

std::string messageOf(const std::string& text) {
    try {
        sessionFromJsonText(text, "s.lrscope");
    } catch (const InputError& error) {
        return error.what();
    }
    return "accepted";
}

TEST(SessionSweep, ARunOfASweepKeepsIt) {
    const std::string text = sessionToJsonText(oneRun(3));
    EXPECT_NE(text.find("\"sweep\": 3"), std::string::npos) << text;
    EXPECT_EQ(sessionFromJsonText(text, "s.lrscope").runs[0].sweep, 3);
}

TEST(SessionSweep, RunsOfTheirOwnHaveNoKey) {
    const std::string text = sessionToJsonText(oneRun(0));
    EXPECT_EQ(text.find("\"sweep\""), std::string::npos);
    EXPECT_EQ(sessionFromJsonText(text, "s.lrscope").runs[0].sweep, 0);
}

TEST(SessionSweep, ABadSweepIsNamedByItsPath) {
    std::string text = sessionToJsonText(oneRun(3));
    const auto at = text.find("\"sweep\": 3");
    for (const std::string bad : {"0", "-2", "\"one\"", "1.5"}) {
        std::string broken = text;
        broken.replace(at, 10, "\"sweep\": " + bad);
        const std::string message = messageOf(broken);
        EXPECT_NE(message.find("s.lrscope: runs[0].sweep: expected"), std::string::npos)
            << bad << ": " << message;
    }
}

TEST(SessionSweep, ANegativeSweepCannotBeSaved) {
    EXPECT_THROW(sessionToJsonText(oneRun(-1)), InputError);
}

}  // namespace
}  // namespace lrscope::core
