#pragma once

#include <cstddef>

namespace lrscope::ui {

// The points of one curve, read where they are held (a run's history in the RunStore, an
// imported curve) each time a CurveGraph draws, so that the plot keeps no copy of them.
//
// A curve is a sequence of entries in key order (keys never decrease), such as the records of a
// run's history. Each entry is one point of the curve or none (a record without the metric, a
// value that cannot be drawn); a point whose value is NaN is a gap in the line, as in
// QCustomPlot.
class CurvePoints {
public:
    CurvePoints() = default;
    CurvePoints(const CurvePoints&) = delete;
    CurvePoints& operator=(const CurvePoints&) = delete;
    virtual ~CurvePoints() = default;

    virtual std::size_t entryCount() const = 0;
    // The key of an entry (also of an entry that is no point), for finding a key range.
    virtual double keyOf(std::size_t entry) const = 0;
    // Entries [first, first + count) (first + count <= entryCount()) into keys[0, count) and
    // values[0, count), one slot per entry: its point, or a NaN key for an entry that is no
    // point (which the line passes over, unlike a gap).
    virtual void read(std::size_t first, std::size_t count, double* keys, double* values) const = 0;
    // How many entries are points.
    virtual std::size_t pointCount() const = 0;
};

}  // namespace lrscope::ui
