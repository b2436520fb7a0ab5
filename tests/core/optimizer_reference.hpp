#pragma once

// Shared by the optimizer tests: PyTorch's numbers from tests/reference/optimizer_reference.json
// (made by tests/reference/make_optimizer_reference.py) and a quadratic with a known minimum.

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/optim/optimizer.hpp"

namespace lrscope::core::optimizer_test {

// Each step is compared to 1e-12 relative. (torch's CPU kernels may fuse a multiply-add that
// lrscope rounds twice; that is far below this bound.)
inline constexpr double kReferenceTolerance = 1e-12;

const nlohmann::json& optimizerReference();

Vector toVector(const nlohmann::json& values);

// lrscope settings for a reference case: defaultsFor(kind), then every setting the case lists.
OptimizerSettings settingsOf(const nlohmann::json& referenceCase);

// Runs every reference case of the given optimizers through makeUpdateRule and compares each
// step with torch. Returns the number of cases checked.
int expectMatchesTorch(std::initializer_list<std::string_view> optimizers);

// f(x) = 1/2 sum_i a_i (x_i - c_i)^2, minimum 0 at x = c; a spans a condition number of 16.
struct Quadratic {
    Vector a = (Vector(3) << 1.0, 4.0, 0.25).finished();
    Vector c = (Vector(3) << 1.0, -2.0, 0.5).finished();

    double value(const Vector& x) const {
        return 0.5 * (a.array() * (x - c).array().square()).sum();
    }
    Vector gradient(const Vector& x) const { return a.cwiseProduct(x - c); }
};

// Runs `steps` full-gradient steps from x = 0 and returns the final distance to the minimum.
double distanceAfter(const OptimizerSettings& settings, int steps);

}  // namespace lrscope::core::optimizer_test
