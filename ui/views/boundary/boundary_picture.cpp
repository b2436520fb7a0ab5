#include "ui/views/boundary/boundary_picture.hpp"

#include <algorithm>

#include <QObject>

#include "core/base/errors.hpp"
#include "ui/views/boundary/class_colours.hpp"

namespace lrscope::ui {

QRgb heatmapColour(int label, double confidence, int classes) {
    const double chance = classes > 0 ? 1.0 / classes : 0.0;
    const double sureness = std::clamp((confidence - chance) / (1.0 - chance), 0.0, 1.0);
    // Light even when sure, so the points drawn over it stay readable.
    const double tint = 0.10 + 0.45 * sureness;
    const QColor colour = classColour(label);
    const auto mix = [tint](int c) { return static_cast<int>(255.0 + (c - 255.0) * tint + 0.5); };
    return qRgb(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

BoundaryPicture boundaryPicture(const BoundaryData& data, const core::NetworkWeights& weights,
                                int gridSide, QSize displaySize) {
    BoundaryPicture picture;
    try {
        const core::PlaneRange range = data.networkRange();
        if (data.shape == BoundaryData::Shape::Plane) {
            picture.grid =
                core::decisionGrid(weights, data.activation, data.loss, range, gridSide, gridSide);
            const int classes = static_cast<int>(weights.layers.back().weight.rows());
            QImage image(gridSide, gridSide, QImage::Format_RGB32);
            for (int r = 0; r < gridSide; ++r) {
                auto* line = reinterpret_cast<QRgb*>(image.scanLine(gridSide - 1 - r));
                for (int c = 0; c < gridSide; ++c) {
                    const auto cell = static_cast<size_t>(r) * static_cast<size_t>(gridSide) +
                                      static_cast<size_t>(c);
                    line[c] = heatmapColour(picture.grid.predicted[cell],
                                            picture.grid.confidence[cell], classes);
                }
            }
            picture.heatmap = std::move(image);
            if (!displaySize.isEmpty()) {
                picture.display = picture.heatmap.scaled(displaySize, Qt::IgnoreAspectRatio,
                                                         Qt::SmoothTransformation);
            }
        } else if (data.shape == BoundaryData::Shape::Curve) {
            const core::FittedCurve curve = core::fittedCurve(weights, data.activation, range.xMin,
                                                              range.xMax, kBoundaryCurvePoints);
            // x back in the data's units; the target is never standardised.
            const double span = data.range.xMax - data.range.xMin;
            for (size_t i = 0; i < curve.x.size(); ++i) {
                picture.curveX.push_back(data.range.xMin +
                                         span * static_cast<double>(i) /
                                             static_cast<double>(curve.x.size() - 1));
            }
            picture.curveY = curve.y;
        }
    } catch (const core::InputError& error) {
        picture.error = QObject::tr("These weights do not fit the data: %1").arg(error.what());
    }
    return picture;
}

}  // namespace lrscope::ui
