#include "core/analysis/test_function.hpp"

#include <array>
#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {

namespace {

struct TestFunctionInfo {
    TestFunctionKind kind;
    std::string_view name;
    PlaneRange view;
};

constexpr std::array<TestFunctionInfo, 6> kFunctions = {{
    {TestFunctionKind::Rosenbrock, "rosenbrock", {-2.0, 2.0, -1.0, 3.0}},
    {TestFunctionKind::Beale, "beale", {-4.5, 4.5, -4.5, 4.5}},
    {TestFunctionKind::Himmelblau, "himmelblau", {-5.0, 5.0, -5.0, 5.0}},
    {TestFunctionKind::Booth, "booth", {-10.0, 10.0, -10.0, 10.0}},
    {TestFunctionKind::Saddle, "saddle", {-2.0, 2.0, -2.0, 2.0}},
    {TestFunctionKind::Bowl, "bowl", {-2.0, 2.0, -2.0, 2.0}},
}};

const TestFunctionInfo& infoOf(TestFunctionKind kind) {
    for (const auto& info : kFunctions) {
        if (info.kind == kind) {
            return info;
        }
    }
    return kFunctions[0];  // unreachable for a valid enumerator
}

// Himmelblau's minima other than (3, 2) are irrational: Newton's method in 40-digit
// arithmetic (mpmath.findroot), rounded to the nearest double.
constexpr PlanePoint kHimmelblauMinima[] = {{3.0, 2.0},
                                            {-2.805118086952745, 3.131312518250573},
                                            {-3.779310253377747, -3.2831859912861696},
                                            {3.5844283403304917, -1.8481265269644036}};
constexpr PlanePoint kRosenbrockMinimum[] = {{1.0, 1.0}};
constexpr PlanePoint kBealeMinimum[] = {{3.0, 0.5}};
constexpr PlanePoint kBoothMinimum[] = {{1.0, 3.0}};
constexpr PlanePoint kBowlMinimum[] = {{0.0, 0.0}};

// bowl in the rotated coordinates: 0.5 (u^2 + 100 w^2) = 0.25 ((x + y)^2 + 100 (x - y)^2).
constexpr double kBowlCurvature = 100.0;

}  // namespace

std::string_view testFunctionName(TestFunctionKind kind) {
    return infoOf(kind).name;
}

TestFunctionKind parseTestFunction(std::string_view name) {
    for (const auto& info : kFunctions) {
        if (info.name == name) {
            return info.kind;
        }
    }
    throw InputError::setting("function",
                              "unknown function '" + std::string(name) +
                                  "'; expected rosenbrock, beale, himmelblau, booth, saddle or "
                                  "bowl");
}

double testFunctionValue(TestFunctionKind kind, PlanePoint p) {
    const double x = p.x;
    const double y = p.y;
    switch (kind) {
        case TestFunctionKind::Rosenbrock:
            return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
        case TestFunctionKind::Beale: {
            const double a = 1.5 - x + x * y;
            const double b = 2.25 - x + x * y * y;
            const double c = 2.625 - x + x * y * y * y;
            return a * a + b * b + c * c;
        }
        case TestFunctionKind::Himmelblau: {
            const double a = x * x + y - 11.0;
            const double b = x + y * y - 7.0;
            return a * a + b * b;
        }
        case TestFunctionKind::Booth: {
            const double a = x + 2.0 * y - 7.0;
            const double b = 2.0 * x + y - 5.0;
            return a * a + b * b;
        }
        case TestFunctionKind::Saddle:
            return x * x - y * y;
        case TestFunctionKind::Bowl: {
            const double s = x + y;
            const double d = x - y;
            return 0.25 * (s * s + kBowlCurvature * d * d);
        }
    }
    return 0.0;  // unreachable for a valid enumerator
}

PlanePoint testFunctionGradient(TestFunctionKind kind, PlanePoint p) {
    const double x = p.x;
    const double y = p.y;
    switch (kind) {
        case TestFunctionKind::Rosenbrock: {
            const double valley = y - x * x;
            return {-2.0 * (1.0 - x) - 400.0 * x * valley, 200.0 * valley};
        }
        case TestFunctionKind::Beale: {
            const double y2 = y * y;
            const double y3 = y2 * y;
            const double a = 1.5 - x + x * y;
            const double b = 2.25 - x + x * y2;
            const double c = 2.625 - x + x * y3;
            return {2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y3 - 1.0)),
                    2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2)};
        }
        case TestFunctionKind::Himmelblau: {
            const double a = x * x + y - 11.0;
            const double b = x + y * y - 7.0;
            return {4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b};
        }
        case TestFunctionKind::Booth: {
            const double a = x + 2.0 * y - 7.0;
            const double b = 2.0 * x + y - 5.0;
            return {2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b};
        }
        case TestFunctionKind::Saddle:
            return {2.0 * x, -2.0 * y};
        case TestFunctionKind::Bowl: {
            const double s = 0.5 * (x + y);
            const double d = 0.5 * kBowlCurvature * (x - y);
            return {s + d, s - d};
        }
    }
    return {};  // unreachable for a valid enumerator
}

std::span<const PlanePoint> testFunctionMinima(TestFunctionKind kind) {
    switch (kind) {
        case TestFunctionKind::Rosenbrock:
            return kRosenbrockMinimum;
        case TestFunctionKind::Beale:
            return kBealeMinimum;
        case TestFunctionKind::Himmelblau:
            return kHimmelblauMinima;
        case TestFunctionKind::Booth:
            return kBoothMinimum;
        case TestFunctionKind::Saddle:
            return {};
        case TestFunctionKind::Bowl:
            return kBowlMinimum;
    }
    return {};  // unreachable for a valid enumerator
}

PlaneRange testFunctionView(TestFunctionKind kind) {
    return infoOf(kind).view;
}

}  // namespace lrscope::core
