#include "ui/export/figure_dressing.hpp"

#include <algorithm>
#include <cmath>

#include <QPicture>

#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

namespace {

constexpr double kUpperShare = 0.55;  // of a two-plot figure's height

// Lays a plot out at `size` the way a draw does (drawing into a throw-away recording), so its
// axis rect has the place it will have in the figure.
void layOut(QCustomPlot& plot, const QSize& size) {
    QPicture scratch;
    QCPPainter painter(&scratch);
    painter.setMode(QCPPainter::pmVectorized);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
}

}  // namespace

FigureDressing::FigureDressing(const PlotStack& stack, const FigureSize& size,
                               const FigureOptions& options) {
    int top = 0;
    for (std::size_t i = 0; i < stack.size(); ++i) {
        QCustomPlot* plot = stack[i];
        Saved saved;
        saved.plot = plot;
        const bool last = i + 1 == stack.size();
        const int height =
            last ? size.height - top : static_cast<int>(std::lround(size.height * kUpperShare));
        saved.place = QRect(0, top, size.width, height);
        top += height;
        saved.xRange = plot->xAxis->range();
        saved.yRange = plot->yAxis->range();
        saved.minimumMargins = plot->axisRect()->minimumMargins();
        auto* runPlot = qobject_cast<RunPlot*>(plot);
        if (runPlot != nullptr) {
            saved.title = runPlot->title();
            saved.seriesKey = runPlot->seriesKeyShown();
            saved.yLimitLow = runPlot->yLimitLow();
            saved.yLimitHigh = runPlot->yLimitHigh();
            saved.highlighted = runPlot->highlighted();
            runPlot->setHighlighted({});
            if (i == 0) {
                runPlot->setTitle(options.title);
                runPlot->setSeriesKeyShown(options.seriesKey);
                if (options.yMin || options.yMax) {
                    runPlot->setYLimits(options.yMin, options.yMax);
                }
            }
            runPlot->refreshDecorations();
        }
        saved_.push_back(std::move(saved));
    }
    if (saved_.size() > 1) {
        alignPlotAreas();
    }
}

FigureDressing::~FigureDressing() {
    for (const Saved& saved : saved_) {
        if (auto* runPlot = qobject_cast<RunPlot*>(saved.plot)) {
            runPlot->setTitle(saved.title);
            runPlot->setSeriesKeyShown(saved.seriesKey);
            runPlot->setYLimits(saved.yLimitLow, saved.yLimitHigh);
            runPlot->setHighlighted(saved.highlighted);
        }
        saved.plot->axisRect()->setMinimumMargins(saved.minimumMargins);
        saved.plot->xAxis->setRange(saved.xRange);
        saved.plot->yAxis->setRange(saved.yRange);
        if (auto* runPlot = qobject_cast<RunPlot*>(saved.plot)) {
            runPlot->refreshDecorations();
            runPlot->requestReplot();
        }
    }
}

void FigureDressing::alignPlotAreas() {
    // The plot areas share their left and right edges, so epochs line up from top to bottom:
    // each plot's margins grow to the widest tick labels and the widest legend of them all.
    int left = 0;
    int right = std::numeric_limits<int>::max();
    for (const Saved& saved : saved_) {
        layOut(*saved.plot, saved.place.size());
        left = std::max(left, saved.plot->axisRect()->left());
        right = std::min(right, saved.plot->axisRect()->right());
    }
    for (const Saved& saved : saved_) {
        QCPAxisRect* area = saved.plot->axisRect();
        const int rightMargin = area->outerRect().right() - area->right();
        QMargins margins = saved.minimumMargins;
        margins.setLeft(std::max(margins.left(), left - area->outerRect().left()));
        margins.setRight(std::max(margins.right(), rightMargin + area->right() - right));
        area->setMinimumMargins(margins);
    }
}

void FigureDressing::paint(QCPPainter& painter) const {
    for (const Saved& saved : saved_) {
        painter.save();
        painter.translate(saved.place.topLeft());
        saved.plot->toPainter(&painter, saved.place.width(), saved.place.height());
        painter.restore();
    }
}

}  // namespace lrscope::ui
