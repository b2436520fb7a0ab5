#pragma once

#include <vector>

#include <QImage>

#include "core/analysis/plane_range.hpp"
#include "core/analysis/test_function.hpp"

namespace lrscope::ui {

// A filled contour map of a test function over a rectangle, as an image (top row = highest
// y). Levels are log-spaced in the height above the lowest value in view, f - fLow, so the
// valleys where optimizers race get as many bands as the walls; band edges are drawn as thin
// darker lines.
struct ContourMap {
    QImage image;
    std::vector<double> levels;  // heights above fLow where bands change, ascending
    double lowest = 0.0;         // fLow: the smallest value at a pixel centre
};

inline constexpr int kContourLevels = 16;

// `levels` log-spaced heights from span * 1e-5 (at least) to span, span = fHigh - fLow.
std::vector<double> logContourLevels(double span, int count = kContourLevels);
// The band of a height above fLow: the number of levels at or below it.
int contourBand(const std::vector<double>& levels, double height);

ContourMap contourMap(core::TestFunctionKind function, core::PlaneRange range, int width,
                      int height);

}  // namespace lrscope::ui
