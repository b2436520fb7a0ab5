// The session reader against files: good ones read as written, each bad one (one defect per
// file, made by tests/data/session/make_session_corpus.py) gives one InputError naming the
// file and the JSON path, what was found and what was expected.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {
namespace {

const std::string kCorpus = std::string(LRSCOPE_TEST_DATA_DIR) + "/data/session";

TEST(SessionCorpus, TwoRunsReadAsWritten) {
    const Session s = readSessionFile(kCorpus + "/good/two_runs.lrscope");
    EXPECT_EQ(s.panel.optimizer.kind, OptimizerKind::Adam);
    EXPECT_EQ(s.panel.optimizer.lr, 0.001);
    ASSERT_EQ(s.views.size(), 1u);
    EXPECT_EQ(s.views.at("curves").at("x_range").at(1).get<double>(), 3.5);
    ASSERT_EQ(s.runs.size(), 2u);

    const SessionRun& done = s.runs[0];
    EXPECT_EQ(done.number, 1);
    EXPECT_EQ(done.name, "SGD lr=0.1");
    EXPECT_EQ(done.colour, "#0072b2");
    EXPECT_TRUE(done.visible);
    EXPECT_EQ(done.status, FinishedStatus::Done);
    EXPECT_FALSE(done.divergedAt);
    ASSERT_EQ(done.lrChanges.size(), 1u);
    EXPECT_EQ(done.lrChanges[0].epoch, 2);
    EXPECT_EQ(done.lrChanges[0].lr, 0.05);
    ASSERT_EQ(done.history.size(), 4u);
    EXPECT_EQ(done.history[0].runId, 1u);
    EXPECT_FALSE(done.history[0].gradNorm);
    EXPECT_EQ(done.history[2].lrChangedTo, 0.05);
    EXPECT_EQ(done.history[3].testLoss, 0.4 + 0.01);
    ASSERT_TRUE(done.finalWeights);
    ASSERT_EQ(done.finalWeights->layers.size(), 2u);
    EXPECT_EQ(done.finalWeights->layers[0].weight.rows(), 4);
    EXPECT_EQ(done.finalWeights->layers[0].weight(0, 1), -0.25);
    EXPECT_EQ(done.finalWeights->layers[0].bias(2), -0.5);

    const SessionRun& diverged = s.runs[1];
    EXPECT_EQ(diverged.number, 3);
    EXPECT_EQ(diverged.colour, "#D55E00");
    EXPECT_FALSE(diverged.visible);
    EXPECT_EQ(diverged.status, FinishedStatus::Diverged);
    EXPECT_EQ(diverged.divergedAt, 2);
    EXPECT_FALSE(diverged.finalWeights) << "final_weights may be left out";
    EXPECT_EQ(diverged.history.back().trainLoss, 55.5);

    ASSERT_EQ(s.importedRuns.size(), 1u);
    EXPECT_EQ(s.importedRuns[0].source, "log.csv");
    ASSERT_EQ(s.importedRuns[0].points.size(), 3u);
    EXPECT_EQ(s.importedRuns[0].points[2][0], 2.5);
    EXPECT_EQ(s.importedRuns[0].points[2][1], 1e-3);
}

TEST(SessionCorpus, EmptySessionHasNoRuns) {
    const Session s = readSessionFile(kCorpus + "/good/empty.lrscope");
    EXPECT_TRUE(s.runs.empty());
    EXPECT_TRUE(s.views.empty());
    EXPECT_TRUE(s.importedRuns.empty());
    EXPECT_EQ(s.panel.epochs, 3);
}

struct BadSession {
    std::string file;
    std::string message;  // after "<path>: "
};

void PrintTo(const BadSession& bad, std::ostream* os) {
    *os << bad.file;
}

class SessionCorpusBad : public ::testing::TestWithParam<BadSession> {};

TEST_P(SessionCorpusBad, GivesOneMessageWithFilePathAndExpectation) {
    const std::string path = kCorpus + "/bad/" + GetParam().file;
    try {
        readSessionFile(path);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        const std::string message = e.what();
        EXPECT_EQ(message, path + ": " + GetParam().message);
        EXPECT_EQ(message.find('\n'), std::string::npos);
    }
}

std::string caseName(const ::testing::TestParamInfo<BadSession>& info) {
    return info.param.file.substr(0, info.param.file.find('.'));
}

INSTANTIATE_TEST_SUITE_P(
    Files, SessionCorpusBad,
    ::testing::Values(
        BadSession{"truncated.lrscope",
                   "line 179, column 5: invalid JSON (syntax error while parsing object key - "
                   "unexpected end of input; expected string literal)"},
        BadSession{"empty.lrscope",
                   "line 1, column 1: invalid JSON (syntax error while parsing value - "
                   "unexpected end of input; expected '[', '{', or a literal)"},
        BadSession{"not_an_object.lrscope",
                   "expected an lrscope session (a JSON object with \"format\": "
                   "\"lrscope-session\"), found an array"},
        BadSession{"weights_file.lrscope",
                   "format: expected \"lrscope-session\", found \"lrscope-weights\""},
        BadSession{"version_2.lrscope",
                   "version: expected 1, found 2 (this lrscope reads version 1)"},
        BadSession{"history_gap.lrscope",
                   "runs[0].history[2].epoch: expected 2 (epochs run 0, 1, 2, ... without gaps), "
                   "found 3"},
        BadSession{"string_loss.lrscope",
                   "runs[1].history[1].train_loss: expected a finite number, found \"abc\""},
        BadSession{"infinite_loss.lrscope",
                   "line 297, column 20: invalid JSON (number overflow parsing '1e999')"},
        BadSession{"missing_lr.lrscope",
                   "runs[0].history[1].lr: missing; expected a finite number"},
        BadSession{"bad_colour.lrscope",
                   "runs[1].colour: expected a colour \"#rrggbb\", found \"red\""},
        BadSession{"short_colour.lrscope",
                   "runs[0].colour: expected a colour \"#rrggbb\", found \"#12345\""},
        BadSession{"training_status.lrscope",
                   "runs[0].status: expected one of done, stopped, diverged or failed, found "
                   "\"training\""},
        BadSession{"diverged_without_epoch.lrscope",
                   "runs[1].diverged_at: expected the epoch in which the run diverged, after its "
                   "history (from 2), found null"},
        BadSession{"diverged_inside_history.lrscope",
                   "runs[1].diverged_at: expected the epoch in which the run diverged, after its "
                   "history (from 2), found 1"},
        BadSession{"done_with_diverged_at.lrscope",
                   "runs[0].diverged_at: expected null (the status is done), found 3"},
        BadSession{"history_not_array.lrscope",
                   "runs[0].history: expected an array of epochs, found an object"},
        BadSession{"view_not_object.lrscope",
                   "views.curves: expected an object (the view's state), found 3"},
        BadSession{"bad_config.lrscope",
                   "runs[1].config.optimizer.beta1: expected a number, got \"abc\""},
        BadSession{"bad_panel.lrscope",
                   "panel.epochs: missing; expected a whole number from -2147483648 to "
                   "2147483647"},
        BadSession{"runs_out_of_order.lrscope",
                   "runs[1].run: expected a run number above 1 (runs are stored in increasing "
                   "order), found 1"},
        BadSession{"weights_rows.lrscope",
                   "runs[0].final_weights[0].bias: expected an array of 2 numbers, found 4"},
        BadSession{"weights_ragged.lrscope",
                   "runs[0].final_weights[1].weight[1]: expected an array of 4 numbers, found 2"},
        BadSession{"point_not_pair.lrscope",
                   "imported_runs[0].points[1]: expected an array of 2 numbers, found 3"},
        BadSession{"change_after_end.lrscope",
                   "runs[0].lr_changes[0].epoch: expected an epoch from 1 to 3 (changes in order, "
                   "within the run), found 9"},
        BadSession{"history_too_long.lrscope",
                   "runs[0].history[3].epoch: expected at most 2 (config.epochs), found 3"},
        BadSession{"deep_nesting.lrscope",
                   "line 1, column 1041: nested more than 256 levels deep; expected a session "
                   "file"},
        BadSession{"visible_string.lrscope",
                   "runs[0].visible: expected true or false, found \"yes\""}),
    caseName);

TEST(SessionCorpus, NanIsInvalidJsonAtItsLineAndColumn) {
    // JSON has no NaN (Python's json.dump writes one unless allow_nan=False).
    const std::string path = kCorpus + "/bad/nan_loss.lrscope";
    try {
        readSessionFile(path);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path +
                      ": line 297, column 20: invalid JSON (syntax error while parsing value - "
                      "invalid literal; last read: '\"train_loss\": N')");
    }
}

TEST(SessionCorpus, EveryBadFileIsCovered) {
    // 27 cases above plus nan_loss: a new file in bad/ needs its expected message here.
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus + "/bad")) {
        files += entry.path().extension() == ".lrscope" ? 1u : 0u;
    }
    EXPECT_EQ(files, 28u);
}

}  // namespace
}  // namespace lrscope::core
