#pragma once

namespace lrscope::core {

// A point and an axis-aligned rectangle of the (x, y) plane: the 2-D test functions' variables,
// or a 2-input network's two inputs.
struct PlanePoint {
    double x = 0.0;
    double y = 0.0;
};

struct PlaneRange {
    double xMin = -1.0;
    double xMax = 1.0;
    double yMin = -1.0;
    double yMax = 1.0;

    bool contains(PlanePoint p) const {
        return p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax;
    }
};

}  // namespace lrscope::core
