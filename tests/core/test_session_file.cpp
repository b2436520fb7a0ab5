// Session files: what is written reads back field for field and bit for bit, the writer
// refuses what it could not read back, and files are replaced whole.
#include "core/io/session_file.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <limits>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/run_config_json.hpp"

namespace lrscope::core {
namespace {

std::uint64_t bits(double x) {
    return std::bit_cast<std::uint64_t>(x);
}

void expectSameBits(double got, double expected, const std::string& what) {
    EXPECT_EQ(bits(got), bits(expected)) << what << ": " << got << " vs " << expected;
}

void expectSameBits(const std::optional<double>& got, const std::optional<double>& expected,
                    const std::string& what) {
    ASSERT_EQ(got.has_value(), expected.has_value()) << what;
    if (got) {
        expectSameBits(*got, *expected, what);
    }
}

// Doubles that a careless writer would not bring back: signed zero, the smallest subnormal,
// the largest finite, 17-digit values and powers of ten at both ends.
const std::vector<double> kTricky = {-0.0,
                                     std::numeric_limits<double>::denorm_min(),
                                     std::numeric_limits<double>::max(),
                                     0.1 + 0.2,
                                     1.0 / 3.0,
                                     -2.5e-300,
                                     1e300,
                                     123456789012345680.0,
                                     6.02214076e23,
                                     std::nextafter(1.0, 2.0)};

double tricky(size_t i) {
    return kTricky[i % kTricky.size()];
}

SessionRun makeRun(int number, size_t seed) {
    SessionRun run;
    run.number = number;
    run.name = "Adam, \"fast\" \xC3\xA9 \\ tab\t" + std::to_string(number);
    run.colour = number % 2 == 0 ? "#0072b2" : "#CC79A7";
    run.visible = number % 2 == 0;
    run.config.optimizer = defaultsFor(OptimizerKind::Adam);
    run.config.optimizer.lr = 1.0 / 3.0;
    run.config.optimizer.beta2 = 0.9990000000000001;
    run.config.hiddenLayers = {3, 2};
    run.config.epochs = 6;
    run.config.seed = 18446744073709551615ull;
    run.config.data.dataset = "xor";
    for (int e = 0; e < 5; ++e) {
        EpochRecord r;
        r.runId = static_cast<RunId>(number);
        r.epoch = e;
        r.trainLoss = std::abs(tricky(seed + static_cast<size_t>(e)));
        r.lr = 1e-3 + e;
        if (e > 0) {  // every optional field both set and empty somewhere
            r.trainError = tricky(seed + 1);
            r.gradNorm = tricky(seed + 2 + static_cast<size_t>(e));
            r.stepSize = tricky(seed + 3);
        }
        if (e % 2 == 0) {
            r.testLoss = tricky(seed + 4 + static_cast<size_t>(e));
            r.testError = 0.0;
            r.updateRatio = tricky(seed + 5);
        }
        if (e == 3) {
            r.lrChangedTo = 0.30000000000000004;
        }
        run.history.push_back(r);
    }
    run.lrChanges = {{3, 0.1}, {3, 0.30000000000000004}};
    NetworkWeights w;
    const std::vector<std::pair<int, int>> shapes = {{3, 2}, {2, 3}, {2, 2}};
    for (size_t l = 0; l < shapes.size(); ++l) {
        LayerWeights layer;
        layer.weight.resize(shapes[l].first, shapes[l].second);
        layer.bias.resize(shapes[l].first);
        for (Eigen::Index i = 0; i < layer.weight.size(); ++i) {
            layer.weight.data()[i] = tricky(seed + l + static_cast<size_t>(i));
        }
        for (Eigen::Index i = 0; i < layer.bias.size(); ++i) {
            layer.bias(i) = -tricky(seed + static_cast<size_t>(i));
        }
        w.layers.push_back(layer);
    }
    run.finalWeights = w;
    return run;
}

Session makeSession() {
    Session s;
    s.panel.optimizer = defaultsFor(OptimizerKind::RmsProp);
    s.panel.optimizer.lr = 0.007;
    s.panel.batchSize = 0;
    s.views["curves"] = {{"metric", "loss"}, {"range", {0.1, -0.0, 1e-300}}, {"log", true}};
    s.views["range test"] = nlohmann::json::object();
    s.runs.push_back(makeRun(1, 0));
    SessionRun diverged = makeRun(4, 3);
    diverged.status = FinishedStatus::Diverged;
    diverged.divergedAt = 5;
    diverged.finalWeights.reset();
    s.runs.push_back(diverged);
    SessionRun stopped = makeRun(5, 7);
    stopped.status = FinishedStatus::Stopped;
    stopped.history.clear();
    stopped.lrChanges.clear();
    s.runs.push_back(stopped);
    SessionRun failed = makeRun(9, 2);
    failed.status = FinishedStatus::Failed;
    s.runs.push_back(failed);
    ImportedRun torch;
    torch.name = "torch";
    torch.source = "/home/u/log.csv";
    for (size_t i = 0; i < 7; ++i) {
        torch.points.push_back({static_cast<double>(i), tricky(i)});
    }
    s.importedRuns.push_back(torch);
    s.importedRuns.push_back(ImportedRun{"empty", "", {}});
    return s;
}

void expectSameWeights(const NetworkWeights& got, const NetworkWeights& expected) {
    ASSERT_EQ(got.layers.size(), expected.layers.size());
    for (size_t l = 0; l < got.layers.size(); ++l) {
        const auto& g = got.layers[l];
        const auto& e = expected.layers[l];
        ASSERT_EQ(g.weight.rows(), e.weight.rows());
        ASSERT_EQ(g.weight.cols(), e.weight.cols());
        ASSERT_EQ(g.bias.size(), e.bias.size());
        for (Eigen::Index r = 0; r < g.weight.rows(); ++r) {
            for (Eigen::Index c = 0; c < g.weight.cols(); ++c) {
                expectSameBits(g.weight(r, c), e.weight(r, c), "weight");
            }
        }
        for (Eigen::Index i = 0; i < g.bias.size(); ++i) {
            expectSameBits(g.bias(i), e.bias(i), "bias");
        }
    }
}

void expectSameRun(const SessionRun& got, const SessionRun& expected) {
    EXPECT_EQ(got.number, expected.number);
    EXPECT_EQ(got.name, expected.name);
    EXPECT_EQ(got.colour, expected.colour);
    EXPECT_EQ(got.visible, expected.visible);
    EXPECT_EQ(got.status, expected.status);
    EXPECT_EQ(got.divergedAt, expected.divergedAt);
    // The config JSON holds every stored field, doubles in round-trip form.
    EXPECT_EQ(runConfigToJsonText(got.config), runConfigToJsonText(expected.config));
    ASSERT_EQ(got.lrChanges.size(), expected.lrChanges.size());
    for (size_t i = 0; i < got.lrChanges.size(); ++i) {
        EXPECT_EQ(got.lrChanges[i].epoch, expected.lrChanges[i].epoch);
        expectSameBits(got.lrChanges[i].lr, expected.lrChanges[i].lr, "lr change");
    }
    ASSERT_EQ(got.history.size(), expected.history.size());
    for (size_t i = 0; i < got.history.size(); ++i) {
        SCOPED_TRACE("history[" + std::to_string(i) + "]");
        const EpochRecord& g = got.history[i];
        const EpochRecord& e = expected.history[i];
        EXPECT_EQ(g.runId, e.runId);
        EXPECT_EQ(g.epoch, e.epoch);
        expectSameBits(g.trainLoss, e.trainLoss, "train_loss");
        expectSameBits(g.trainError, e.trainError, "train_error");
        expectSameBits(g.testLoss, e.testLoss, "test_loss");
        expectSameBits(g.testError, e.testError, "test_error");
        expectSameBits(g.lr, e.lr, "lr");
        expectSameBits(g.gradNorm, e.gradNorm, "grad_norm");
        expectSameBits(g.updateRatio, e.updateRatio, "update_ratio");
        expectSameBits(g.stepSize, e.stepSize, "step_size");
        expectSameBits(g.lrChangedTo, e.lrChangedTo, "lr_changed_to");
    }
    ASSERT_EQ(got.finalWeights.has_value(), expected.finalWeights.has_value());
    if (got.finalWeights) {
        expectSameWeights(*got.finalWeights, *expected.finalWeights);
    }
}

TEST(SessionFile, RoundTripKeepsEveryFieldAndEveryBit) {
    const Session written = makeSession();
    const std::string text = sessionToJsonText(written);
    const Session read = sessionFromJsonText(text, "s.lrscope");

    EXPECT_EQ(runConfigToJsonText(read.panel), runConfigToJsonText(written.panel));
    EXPECT_EQ(read.views, written.views);
    expectSameBits(read.views.at("curves").at("range").at(1).get<double>(), -0.0, "view -0");
    ASSERT_EQ(read.runs.size(), written.runs.size());
    for (size_t i = 0; i < read.runs.size(); ++i) {
        SCOPED_TRACE("runs[" + std::to_string(i) + "]");
        expectSameRun(read.runs[i], written.runs[i]);
    }
    ASSERT_EQ(read.importedRuns.size(), written.importedRuns.size());
    for (size_t i = 0; i < read.importedRuns.size(); ++i) {
        EXPECT_EQ(read.importedRuns[i].name, written.importedRuns[i].name);
        EXPECT_EQ(read.importedRuns[i].source, written.importedRuns[i].source);
        ASSERT_EQ(read.importedRuns[i].points.size(), written.importedRuns[i].points.size());
        for (size_t p = 0; p < read.importedRuns[i].points.size(); ++p) {
            expectSameBits(read.importedRuns[i].points[p][0], written.importedRuns[i].points[p][0],
                           "x");
            expectSameBits(read.importedRuns[i].points[p][1], written.importedRuns[i].points[p][1],
                           "y");
        }
    }
    // Saving what was read writes the same bytes: reopening and saving changes nothing.
    EXPECT_EQ(sessionToJsonText(read), text);
}

TEST(SessionFile, EmptySessionRoundTrips) {
    const Session empty;
    const Session read = sessionFromJsonText(sessionToJsonText(empty), "e.lrscope");
    EXPECT_TRUE(read.runs.empty());
    EXPECT_TRUE(read.views.empty());
    EXPECT_TRUE(read.importedRuns.empty());
    EXPECT_EQ(runConfigToJsonText(read.panel), runConfigToJsonText(RunConfig{}));
}

std::string saveError(const Session& session) {
    try {
        sessionToJsonText(session);
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

TEST(SessionFile, WriterRefusesWhatCouldNotBeReadBack) {
    Session s = makeSession();
    s.runs[0].history[2].testLoss = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(saveError(s),
              "cannot save the session: runs[0].history[2].test_loss: expected a finite number, "
              "found nan");

    s = makeSession();
    s.runs[1].colour = "blue";
    EXPECT_EQ(saveError(s),
              "cannot save the session: runs[1].colour: expected a colour \"#rrggbb\", found "
              "\"blue\"");

    s = makeSession();
    s.runs[0].history.erase(s.runs[0].history.begin() + 1);
    EXPECT_EQ(saveError(s),
              "cannot save the session: runs[0].history[1].epoch: expected 1 (epochs run 0, 1, "
              "2, ... without gaps), found 2");

    s = makeSession();
    s.views["curves"]["range"][0] = std::numeric_limits<double>::infinity();
    EXPECT_EQ(saveError(s),
              "cannot save the session: views.curves.range[0]: expected a finite number, found "
              "inf");

    s = makeSession();
    s.views["plain"] = "text";
    EXPECT_EQ(saveError(s),
              "cannot save the session: views.plain: expected an object (the view's state), "
              "found \"text\"");

    s = makeSession();
    s.runs[0].finalWeights->layers[1].weight(0, 0) = std::numeric_limits<double>::infinity();
    EXPECT_EQ(saveError(s),
              "cannot save the session: runs[0].final_weights[1]: expected finite numbers, found "
              "NaN or an infinity");

    s = makeSession();
    s.runs[3].config.epochs = 0;
    const std::string invalid = saveError(s);
    EXPECT_EQ(invalid.rfind("cannot save the session: runs[3].config: --epochs: ", 0), 0u)
        << invalid;

    s = makeSession();
    s.runs[2].number = 4;  // the run before is 4 too
    EXPECT_EQ(saveError(s),
              "cannot save the session: runs[2].run: expected a run number above 4 (runs are "
              "stored in increasing order), found 4");
}

TEST(SessionFile, FilesAreReplacedWholeAndNamedInMessages) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lrscope-session-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::string path = pattern + "/s.lrscope";
    Session first = makeSession();
    writeSessionFile(path, first);
    Session second = makeSession();
    second.runs.pop_back();
    writeSessionFile(path, second);
    EXPECT_EQ(readSessionFile(path).runs.size(), second.runs.size());
    EXPECT_EQ(readFile(path), sessionToJsonText(second));

    // A session that cannot be saved leaves the file as it was.
    Session bad = makeSession();
    bad.runs[0].colour = "#xyzxyz";
    EXPECT_THROW(writeSessionFile(path, bad), InputError);
    EXPECT_EQ(readFile(path), sessionToJsonText(second));

    writeFileAtomically(path, "{\"format\": \"lrscope-session\", \"version\": 1, \"runs\": 3}");
    try {
        readSessionFile(path);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), path + ": panel: missing; expected the panel's settings");
    }
    std::filesystem::remove_all(pattern);
}

}  // namespace
}  // namespace lrscope::core
