#include "app/cli/batch_outputs.hpp"

#include "app/cli/run_batch.hpp"
#include "core/analysis/run_summary.hpp"
#include "core/base/run_palette.hpp"

namespace lrscope::cli {

namespace {

// A session holds numbers only; weights that are not all finite are left out.
bool finite(const core::NetworkWeights& weights) {
    for (const auto& layer : weights.layers) {
        if (!layer.weight.allFinite() || !layer.bias.allFinite()) {
            return false;
        }
    }
    return !weights.layers.empty();
}

}  // namespace

core::NamedHistory namedHistoryOf(const BatchRun& run) {
    core::NamedHistory named;
    named.run = run.number;
    named.name = runName(run.config);
    named.optimizer = std::string(core::optimizerName(run.config.optimizer.kind));
    named.baseLr = run.config.optimizer.lr;
    named.history = run.result.history;
    named.status = core::finishedStatusOf(run.result.status);
    named.divergedAt = run.result.divergedAt;
    return named;
}

core::Session sessionOf(const std::vector<BatchRun>& runs, int sweep) {
    core::Session session;
    if (!runs.empty()) {
        session.panel = runs.front().config;
        session.panel.initialWeights.reset();
    }
    for (const BatchRun& run : runs) {
        core::SessionRun saved;
        saved.number = run.number;
        saved.name = runName(run.config);
        saved.colour = core::runColourHex(run.number - 1);
        saved.sweep = sweep;
        saved.status = core::finishedStatusOf(run.result.status);
        saved.divergedAt = run.result.divergedAt;
        saved.config = run.config;
        saved.config.initialWeights.reset();
        saved.history = run.result.history;
        core::clearNonFiniteStatistics(saved.history);
        for (auto& record : saved.history) {
            record.runId = static_cast<core::RunId>(run.number);
        }
        if (finite(run.result.finalWeights)) {
            saved.finalWeights = run.result.finalWeights;
        }
        session.runs.push_back(std::move(saved));
    }
    return session;
}

std::vector<core::SweepSummaryEntry> summaryOf(const std::vector<BatchRun>& runs) {
    std::vector<core::SweepSummaryEntry> entries;
    for (const BatchRun& run : runs) {
        core::SweepSummaryEntry entry;
        entry.optimizer = std::string(core::optimizerName(run.config.optimizer.kind));
        entry.lr = run.config.optimizer.lr;
        entry.summary = core::summarize(run.result.history);
        entry.status = core::finishedStatusOf(run.result.status);
        entry.divergedAt = run.result.divergedAt;
        entries.push_back(entry);
    }
    return entries;
}

}  // namespace lrscope::cli
