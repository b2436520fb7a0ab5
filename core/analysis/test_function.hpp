#pragma once

#include <span>
#include <string_view>

#include "core/analysis/plane_range.hpp"

namespace lrscope::core {

// Classic 2-D functions for watching optimizers move, with analytic gradients:
//  rosenbrock  (1 - x)^2 + 100 (y - x^2)^2                    narrow curved valley, min (1, 1)
//  beale       (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2     min (3, 0.5)
//  himmelblau  (x^2 + y - 11)^2 + (x + y^2 - 7)^2                       four minima, value 0
//  booth       (x + 2y - 7)^2 + (2x + y - 5)^2                                     min (1, 3)
//  saddle      x^2 - y^2                  a saddle at (0, 0); unbounded below, so no minimum
//  bowl        0.5 (u^2 + 100 w^2), u = (x + y) / sqrt 2, w = (x - y) / sqrt 2
//              a quadratic with condition number 100, rotated 45 degrees, min (0, 0)
enum class TestFunctionKind { Rosenbrock, Beale, Himmelblau, Booth, Saddle, Bowl };

inline constexpr TestFunctionKind kAllTestFunctions[] = {
    TestFunctionKind::Rosenbrock, TestFunctionKind::Beale,  TestFunctionKind::Himmelblau,
    TestFunctionKind::Booth,      TestFunctionKind::Saddle, TestFunctionKind::Bowl};

std::string_view testFunctionName(TestFunctionKind kind);  // "rosenbrock", ..., "bowl"
// Throws InputError for the setting "function", naming the accepted names.
TestFunctionKind parseTestFunction(std::string_view name);

double testFunctionValue(TestFunctionKind kind, PlanePoint p);
PlanePoint testFunctionGradient(TestFunctionKind kind, PlanePoint p);  // (df/dx, df/dy)

// The global minima (every one of himmelblau's four; none for saddle), to double precision.
std::span<const PlanePoint> testFunctionMinima(TestFunctionKind kind);

// The region a contour map of the function shows by default: its minima and the usual
// starting points of optimizer races on it.
PlaneRange testFunctionView(TestFunctionKind kind);

}  // namespace lrscope::core
