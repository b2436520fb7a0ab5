#pragma once

#include <string>
#include <string_view>

#include "core/io/session.hpp"

namespace lrscope::core {

// A session file (".lrscope"): the window's runs, imported curves, views and panel, as JSON.
//   {"format": "lrscope-session", "version": 1,
//    "panel": {RunConfig JSON, see run_config_json.hpp},
//    "views": {"<view name>": {...}, ...},
//    "runs": [{"run": 1, "name": "SGD lr=0.01", "colour": "#0072b2", "visible": true,
//              "status": "done" | "stopped" | "diverged" | "failed", "diverged_at": null,
//              "config": {RunConfig JSON},
//              "lr_changes": [{"epoch": 40, "lr": 0.003}, ...],
//              "final_weights": [{"weight": [[...]], "bias": [...]}, ...] or null,
//              "history": [{"epoch": 0, "train_loss": 0.69, "train_error": 0.5,
//                           "test_loss": null, "test_error": null, "lr": 0.01,
//                           "grad_norm": null, "update_ratio": null, "step_size": null,
//                           "lr_changed_to": null}, ...]}, ...],
//    "imported_runs": [{"name": "torch", "source": "log.csv", "points": [[0, 0.7], ...]}]}
// Numbers are written in shortest round-trip form, so reading gives back every double bit
// for bit; null where a value does not apply. Every key is written and required on reading
// ("final_weights" may also be left out), other keys are ignored. A run imported from a
// runs CSV also has "imported_from": "<file>" after "diverged_at"; other runs have none. A run
// of one of the window's sweeps has "sweep": N (1, 2, ...) after those; other runs have none. A run
// still training when the window saves is stored as "stopped" at its last recorded epoch (see
// FinishedStatus). History records read back carry runId = the run's number.

// The whole file as text. Throws InputError ("cannot save the session: runs[1].colour: ...")
// when sessionProblem() finds something that could not be read back as it is.
std::string sessionToJsonText(const Session& session);

// Atomic (core::writeFileAtomically): a crash or kill at any moment leaves either the old
// file or the new one. Throws InputError naming the file when it cannot be written.
void writeSessionFile(const std::string& path, const Session& session);

// The inverse. Throws one InputError naming `source` and the JSON path, what was found and
// what was expected ("s.lrscope: runs[2].history[5].train_loss: expected a finite number,
// found \"abc\"") for invalid JSON, a foreign file, an unknown version, wrong types, missing
// keys or anything sessionProblem() rejects. The result passes sessionProblem().
Session sessionFromJsonText(std::string_view text, const std::string& source);
Session readSessionFile(const std::string& path);

}  // namespace lrscope::core
