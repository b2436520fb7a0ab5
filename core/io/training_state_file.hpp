#pragma once

#include <string>

#include "core/training/run_config.hpp"
#include "core/training/training_state.hpp"

namespace lrscope::core {

// A run's resume state as a JSON file (`train --save-state` / `--resume`):
//   {"format": "lrscope-training-state", "version": 1, "config": {...run config...},
//    "epoch": 5, "base_lr": 0.1, "parameters": [...],
//    "optimizer_state": {"steps": 40, "buffers": {"exp_avg": [...], ...}}}
// parameters are the network's in Network::parameters() order (layer by layer, weight rows
// then bias); buffers are named as torch.optim's state. Numbers are written in shortest
// round-trip form, so a resumed run continues bit for bit.
struct SavedTrainingState {
    RunConfig config;  // the run that saved it (its epochs: those it was planned for)
    TrainingState state;
};

// Written through a temporary file and an atomic rename.
void writeTrainingStateFile(const std::string& path, const SavedTrainingState& saved);

// Throws InputError naming the file and the JSON path ("state.json: $.parameters[3]: expected
// a finite number, got \"x\"") for anything malformed.
SavedTrainingState readTrainingStateFile(const std::string& path);

// Why `config` cannot continue `saved` (a setting other than the epochs differs, or it plans
// no more epochs than were trained), naming the setting by its JSON path; empty when it can.
std::string continuationProblem(const SavedTrainingState& saved, const RunConfig& config);

}  // namespace lrscope::core
