#pragma once

#include <optional>
#include <vector>

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

// What a figure for a post adds to the plots as the window shows them. They apply to the
// upper plot of the figure, and only to the window's run plots (RunPlot); the window's plots
// are left as they were once the figure is drawn.
struct FigureOptions {
    QString title;               // above the upper plot; empty: none
    bool seriesKey = false;      // "—— train  - - - test" above the upper plot
    std::optional<double> yMin;  // the upper plot's y axis ends; nullopt: as shown
    std::optional<double> yMax;
};

// Why y-axis ends cannot be drawn, e.g. "y from 2 is not below y to 1", or empty when they
// can (each end may be absent; a log axis needs ends above 0).
QString yLimitsProblem(std::optional<double> low, std::optional<double> high, bool logY);

// The plots of a figure, top to bottom: one plot fills it; with two, the upper one (the loss
// plot, with the title and key) takes 55 % of the height and both plot areas line up.
using PlotStack = std::vector<QCustomPlot*>;

// Draws the figure at the given size into an image (what Save as PNG writes and Copy copies).
QImage renderFigure(QCustomPlot& plot, const FigureSize& size);
QImage renderFigure(const PlotStack& stack, const FigureSize& size, const FigureOptions& options);

// Writes the figure to `path` as PNG, PDF or SVG (chosen by the suffix) at the given size,
// through core's atomic write, so an existing file is replaced whole or left untouched.
// Returns the reason on failure, otherwise an empty string. Works without a display.
QString exportFigure(QCustomPlot& plot, const QString& path, const FigureSize& size);
QString exportFigure(const PlotStack& stack, const QString& path, const FigureSize& size,
                     const FigureOptions& options);

}  // namespace lrscope::ui
