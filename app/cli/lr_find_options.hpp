#pragma once

#include <string>
#include <vector>

#include "app/cli/arguments.hpp"
#include "core/analysis/range_test.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::cli {

// The flags `lr-find` and `plot --lr-find` share: every run flag of train but those the range
// test replaces, plus the range test's own.
std::vector<std::string> rangeTestValueFlags();  // --start-lr, --end-lr, ... --stop-factor
// Throws InputError for --lr, --schedule, --warmup or --epochs (the test sets every rate and
// runs mini-batches), saying what to use instead; `command` is "lr-find" or "plot --lr-find".
void rejectReplacedRunFlags(const Arguments& args, const std::string& command);
// The run's settings (one optimizer) and the range test's settings, validated.
core::RunConfig rangeTestConfigFromArguments(const Arguments& args);
core::RangeTestSettings rangeTestSettingsFromArguments(const Arguments& args);

}  // namespace lrscope::cli
