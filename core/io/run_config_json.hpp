#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "core/training/run_config.hpp"

namespace lrscope::core {

// A RunConfig as JSON, for the window's presets and its last panel state:
//   {"format": "lrscope-settings", "version": 1,
//    "data": {"dataset", "csv_path", "target", "task", "samples", "noise", "rows" (0 = all),
//             "test_fraction", "standardize"},
//    "hidden_layers": [8, 8], "activation": "tanh", "loss": "cross_entropy",
//    "init": {"scheme": "uniform:-0.5:0.5", "fixed_bias", "bias_value"},
//    "optimizer": {"kind": "adam", "lr", "weight_decay", "momentum", "dampening", "rho",
//                  "alpha", "beta1", "beta2", "eps", "lr_decay", "initial_accumulator",
//                  "centered", "amsgrad"},
//    "schedule": {"kind": "step:10:0.5", "warmup_epochs"},
//    "batch_size", "shuffle", "epochs", "seed": "12345" (a string: any 64-bit seed survives)}
// Initial weights are not stored (they come from a weights file the user imports). Every key
// is written and required on reading, so a stored config means the same in every version.
nlohmann::json runConfigToJson(const RunConfig& config);
std::string runConfigToJsonText(const RunConfig& config);  // compact, keys sorted

// The inverse. The result passes validate(). Throws InputError naming the JSON path
// ("optimizer.beta1: expected a number, got \"abc\""); a value that fails validation keeps
// its setting's key (InputError::key()) with the path in the message
// ("optimizer.beta1: 3 is out of range; expected 0 <= beta1 < 1").
RunConfig runConfigFromJson(const nlohmann::json& json);
RunConfig runConfigFromJsonText(std::string_view text);

}  // namespace lrscope::core
