#pragma once

#include <cstdint>
#include <string_view>

#include "core/data/dataset.hpp"

namespace lrscope::core {

class Rng;

// Seeded synthetic data sets (2-D inputs except sine, which is 1-D regression). `noise` is
// the standard deviation of Gaussian noise added to the inputs (sine: to the target).
//  xor      uniform points in [-1, 1]^2, class 1 where x*y > 0
//  circles  two concentric circles, radii 1 and 0.5 (inner = class 1)
//  spiral   two interleaved spirals, one per class
//  blobs    three Gaussian blobs, one per class
//  moons    two interleaved half circles
//  sine     x uniform in [-pi, pi], target sin(x)
// The shape of a generator's data set (2 inputs and 2 classes; blobs 3 classes; sine 1 input
// and 1 regression target) with `samples` rows, without generating it. Throws InputError for a
// name that is not a generator.
DataShape generatedShape(std::string_view name, long samples);

Dataset generateXor(long samples, double noise, Rng& rng);
Dataset generateCircles(long samples, double noise, Rng& rng);
Dataset generateSpiral(long samples, double noise, Rng& rng);
Dataset generateBlobs(long samples, double noise, Rng& rng);
Dataset generateMoons(long samples, double noise, Rng& rng);
Dataset generateSine(long samples, double noise, Rng& rng);

}  // namespace lrscope::core
