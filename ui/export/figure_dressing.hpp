#pragma once

#include <optional>
#include <vector>

#include <qcustomplot.h>
#include <QMargins>
#include <QRect>

#include "core/training/epoch_record.hpp"
#include "ui/export/plot_export.hpp"

namespace lrscope::ui {

// Puts a figure's options on its plots for as long as it lives, and takes them off again:
// title, key and y ends on the upper plot, the plots' places in the figure, and margins that
// line up their plot areas. The window's plots come back as they were, ranges included.
class FigureDressing {
public:
    FigureDressing(const PlotStack& stack, const FigureSize& size, const FigureOptions& options);
    ~FigureDressing();
    FigureDressing(const FigureDressing&) = delete;
    FigureDressing& operator=(const FigureDressing&) = delete;

    // Draws every plot in its place (top-left of the figure at the painter's origin).
    void paint(QCPPainter& painter) const;

private:
    struct Saved {
        QCustomPlot* plot = nullptr;
        QRect place;  // in the figure
        QCPRange xRange;
        QCPRange yRange;
        QMargins minimumMargins;
        QString title;
        bool seriesKey = false;
        std::optional<double> yLimitLow;
        std::optional<double> yLimitHigh;
        std::vector<core::RunId> highlighted;
    };

    void alignPlotAreas();

    std::vector<Saved> saved_;
};

}  // namespace lrscope::ui
