#pragma once

#include <algorithm>

#include <qcustomplot.h>

namespace lrscope::ui {

// Ticks for an epoch axis: whole epochs only, so a short or empty plot reads 0, 1, 2 rather
// than 0, 0.2, 0.4. Longer ranges keep QCustomPlot's readable steps (5, 10, 20, ...).
class EpochTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override {
        return std::max(1.0, QCPAxisTicker::getTickStep(range));
    }
    int getSubTickCount(double tickStep) override {
        // Sub-ticks on whole epochs only.
        return tickStep <= 1.0 ? 0 : QCPAxisTicker::getSubTickCount(tickStep);
    }
};

}  // namespace lrscope::ui
