#pragma once

#include "core/training/run_config.hpp"

namespace lrscope::ui {

// The settings the window starts with (the CLI keeps core::RunConfig's own defaults). Chosen
// so that the first three runs a new user tries tell the story: on moons with an 8,8 tanh
// network, SGD at 3e-3 descends slowly, at 0.1 (the starting rate) steeply then shallowly,
// and at 10 noisily without progress (at 3 it sits on the edge and may still converge). 150 epochs
// at the window's default pace (50 epochs/s) grow for three seconds.
core::RunConfig windowDefaults();

// The pace a new window trains at, in epochs per second (0 = as fast as possible).
inline constexpr double kDefaultPace = 50.0;

// How many runs the window trains at once: one per core, but at least four. Paced runs wait
// most of the time, so on a 2-core machine the lesson's three runs (and a user's first
// too-low / just-right / too-high trio) grow side by side instead of the third waiting for
// a free core; unpaced runs share the cores.
unsigned windowConcurrentRuns();

}  // namespace lrscope::ui
