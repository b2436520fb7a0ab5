#pragma once

#include <vector>

#include <QString>

#include "core/data/data_spec.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

struct Run;

// A number as labels show it: "3e-3", "0.03" (core::formatCompact, at most `digits`
// significant digits).
QString compactNumber(double value, int digits = 3);
QString optimizerLabel(core::OptimizerKind kind);  // "Adam", "SGD", ...
// The data set as the run list shows it: the built-in name, or the CSV file's name.
QString dataSetName(const core::DataSpec& data);
// One line with the settings that shape a run: "moons · 8,8 tanh · cross-entropy · batch 10".
QString runSettingsSummary(const core::RunConfig& config);
// "Adam  lr=3e-3": the default name of a run with these settings.
QString defaultRunName(const core::RunConfig& config);
// The name as a plot legend shows it, e.g. "SGD  lr=10  diverged @ epoch 37".
QString legendLabel(const Run& run);
// The name as the run list shows it: an imported run's ends in "(imported)".
QString listedName(const Run& run);

// What tells runs apart beyond their names: for each of `configs`, the settings in which
// they differ from one another (data set, hidden layers, activation, loss, batch size,
// optimizer settings besides the rate, seed), e.g. "moons · 16,16"; empty where all agree.
std::vector<QString> distinguishingSettings(const std::vector<const core::RunConfig*>& configs);

}  // namespace lrscope::ui
