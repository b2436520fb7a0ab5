#include "ui/runs/run_marker.hpp"

#include <algorithm>
#include <array>

namespace lrscope::ui {

namespace {

constexpr int kMarkersPerCurve = 12;
constexpr double kMarkerSize = 7.0;

// ssCross is left out: it marks where a run diverged.
constexpr std::array<QCPScatterStyle::ScatterShape, kMarkerShapeCount> kShapes = {
    QCPScatterStyle::ssNone,       QCPScatterStyle::ssCircle,
    QCPScatterStyle::ssSquare,     QCPScatterStyle::ssTriangle,
    QCPScatterStyle::ssDiamond,    QCPScatterStyle::ssTriangleInverted,
    QCPScatterStyle::ssPlus,       QCPScatterStyle::ssCrossSquare,
    QCPScatterStyle::ssPlusCircle, QCPScatterStyle::ssStar,
};

}  // namespace

QCPScatterStyle::ScatterShape markerShape(int styleCycle) {
    const int index = ((styleCycle % kMarkerShapeCount) + kMarkerShapeCount) % kMarkerShapeCount;
    return kShapes[static_cast<size_t>(index)];
}

QCPScatterStyle runMarker(int styleCycle, const QColor& colour) {
    const QCPScatterStyle::ScatterShape shape = markerShape(styleCycle);
    if (shape == QCPScatterStyle::ssNone) {
        return QCPScatterStyle(QCPScatterStyle::ssNone);
    }
    return QCPScatterStyle(shape, QPen(colour, 1.5), QBrush(Qt::white), kMarkerSize);
}

int markerSkip(int points) {
    return std::max(0, points / kMarkersPerCurve - 1);
}

}  // namespace lrscope::ui
