#pragma once

#include <cmath>

#include "core/io/session.hpp"

namespace lrscope::test {

// A large session: kLargeRuns runs of kLargeEpochs epochs each, every field set (3 MB).
// 20 x 5,000 epochs (30 MB) takes 0.26 s per save here, which would make the kill test's
// 100 kills (each with a fresh process) last half a minute; at 3 MB a save still spends a
// good part of its time writing, and the test checks that kills land there.
// `generation` changes every number, so two generations differ in every record.
inline constexpr int kLargeRuns = 20;
inline constexpr int kLargeEpochs = 500;

inline core::Session largeSession(int generation) {
    core::Session session;
    for (int r = 0; r < kLargeRuns; ++r) {
        core::SessionRun run;
        run.number = r + 1;
        run.name = "run " + std::to_string(r + 1) + " of generation " + std::to_string(generation);
        run.colour = "#0072b2";
        run.config.epochs = kLargeEpochs;
        run.config.optimizer.lr = 0.01 * (r + 1);
        for (int e = 0; e <= kLargeEpochs; ++e) {
            core::EpochRecord record;
            record.runId = static_cast<core::RunId>(r + 1);
            record.epoch = e;
            const double t = (generation + 1) * 1e-3 + (r + 1) * 1e-5 + e;
            record.trainLoss = 1.0 / (1.0 + t);
            record.trainError = std::sin(t) * std::sin(t);
            record.testLoss = 1.0 / (0.5 + t);
            record.testError = std::cos(t) * std::cos(t);
            record.lr = run.config.optimizer.lr;
            record.gradNorm = std::sqrt(t);
            record.updateRatio = 1e-3 / (1.0 + t);
            record.stepSize = run.config.optimizer.lr * (1.0 + 1e-9 * t);
            run.history.push_back(record);
        }
        session.runs.push_back(std::move(run));
    }
    return session;
}

}  // namespace lrscope::test
