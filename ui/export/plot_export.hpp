#pragma once

#include <optional>

#include <QImage>
#include <QString>

class QCustomPlot;

namespace lrscope::ui {

enum class FigureFormat { Png, Pdf, Svg };

// The format a file name asks for (by its suffix, any case), or nullopt.
std::optional<FigureFormat> figureFormatFor(const QString& path);

// Size of a figure in logical pixels (PDF: points); PNG images get width*scale x height*scale
// pixels, so scale 2 gives a sharp figure for high-DPI screens and print.
struct FigureSize {
    int width = 1200;
    int height = 700;
    double scale = 1.0;
};

inline constexpr int kMinFigureSide = 100;
inline constexpr int kMaxFigureSide = 10000;

// Draws the plot at the given size into an image (what Save as PNG writes and Copy copies).
QImage renderFigure(QCustomPlot& plot, const FigureSize& size);

// Writes the plot to `path` as PNG, PDF or SVG (chosen by the suffix) at the given size,
// through a temporary file so an existing file is replaced whole or left untouched. Returns
// the reason on failure, otherwise an empty string. Works without a display (offscreen).
QString exportFigure(QCustomPlot& plot, const QString& path, const FigureSize& size);

}  // namespace lrscope::ui
