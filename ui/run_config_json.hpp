#pragma once

#include <QJsonObject>

#include "core/run_config.hpp"

namespace lrscope::ui {

// A RunConfig as a JSON object, for presets and the last panel state. Initial weights are not
// stored (they come from a weights file the user imports).
QJsonObject runConfigToJson(const core::RunConfig& config);

// The inverse. Throws core::InputError naming the key ("optimizer.beta1: expected a number")
// for a missing, mistyped or invalid entry; the result passes core::validate.
core::RunConfig runConfigFromJson(const QJsonObject& json);

}  // namespace lrscope::ui
