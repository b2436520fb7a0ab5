#include "ui/views/landscape/contour_image.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QColor>

namespace lrscope::ui {

namespace {

constexpr double kLowestShare = 1e-5;  // the first level, as a share of the span

// A light ramp (pale yellow in the valleys to grey-blue on the walls): the optimizer paths
// in the run palette's strong colours stay readable over every band.
QRgb bandColour(int band, int bands) {
    const double t = bands > 0 ? static_cast<double>(band) / bands : 0.0;
    const QColor low(0xFF, 0xF6, 0xD5);
    const QColor high(0xA9, 0xBC, 0xD0);
    const auto mix = [t](int a, int b) { return static_cast<int>(a + (b - a) * t + 0.5); };
    return qRgb(mix(low.red(), high.red()), mix(low.green(), high.green()),
                mix(low.blue(), high.blue()));
}

}  // namespace

std::vector<double> logContourLevels(double span, int count) {
    std::vector<double> levels;
    if (!(span > 0.0) || !std::isfinite(span) || count < 1) {
        return levels;
    }
    const double first = span * kLowestShare;
    for (int i = 0; i < count; ++i) {
        const double t = count > 1 ? static_cast<double>(i) / (count - 1) : 1.0;
        levels.push_back(first * std::pow(span / first, t));
    }
    return levels;
}

int contourBand(const std::vector<double>& levels, double height) {
    return static_cast<int>(std::upper_bound(levels.begin(), levels.end(), height) -
                            levels.begin());
}

ContourMap contourMap(core::TestFunctionKind function, core::PlaneRange range, int width,
                      int height) {
    ContourMap map;
    std::vector<double> values(static_cast<size_t>(width) * static_cast<size_t>(height));
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (int r = 0; r < height; ++r) {
        const double y = range.yMax - (range.yMax - range.yMin) * (r + 0.5) / height;
        for (int c = 0; c < width; ++c) {
            const double x = range.xMin + (range.xMax - range.xMin) * (c + 0.5) / width;
            const double v = core::testFunctionValue(function, {x, y});
            values[static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(c)] =
                v;
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    map.lowest = low;
    map.levels = logContourLevels(high - low);
    const int bands = static_cast<int>(map.levels.size());
    std::vector<int> band(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        band[i] = contourBand(map.levels, values[i] - low);
    }
    map.image = QImage(width, height, QImage::Format_RGB32);
    for (int r = 0; r < height; ++r) {
        auto* line = reinterpret_cast<QRgb*>(map.image.scanLine(r));
        for (int c = 0; c < width; ++c) {
            const size_t i =
                static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(c);
            QRgb colour = bandColour(band[i], bands);
            const bool edge = (c + 1 < width && band[i + 1] != band[i]) ||
                              (r + 1 < height && band[i + static_cast<size_t>(width)] != band[i]);
            if (edge) {
                colour = QColor(colour).darker(125).rgb();
            }
            line[c] = colour;
        }
    }
    return map;
}

}  // namespace lrscope::ui
