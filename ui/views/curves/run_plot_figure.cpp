// The figure side of RunPlot: a title and a line-style key above the plot, and fixed ends of
// the y axis, for figures saved for a post.
#include <cmath>

#include "ui/views/curves/figure_heading.hpp"
#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

void RunPlot::setTitle(const QString& title) {
    title_ = title.trimmed();
    refreshHeading();
    requestReplot();
}

QString RunPlot::title() const {
    return title_;
}

void RunPlot::setSeriesKeyShown(bool shown) {
    seriesKeyWanted_ = shown;
    refreshHeading();
    requestReplot();
}

void RunPlot::setYLimits(std::optional<double> low, std::optional<double> high) {
    yLimitLow_ = low;
    yLimitHigh_ = high;
    if (follow_) {
        fitToData();
    } else if (low || high) {
        yAxis->setRange(withYLimits(yAxis->range()));  // keeps the user's zoom on x
    }
    requestReplot();
}

int RunPlot::axisRectRow() const {
    for (int i = 0; i < plotLayout()->elementCount(); ++i) {
        if (plotLayout()->elementAt(i) == axisRect()) {
            int row = 0;
            int column = 0;
            plotLayout()->indexToRowCol(i, row, column);
            return row;
        }
    }
    return 0;
}

void RunPlot::refreshHeading() {
    // The key explains only the line styles drawn: both, or the one series shown.
    const bool keyTrain = seriesKeyWanted_ && showsTrain() && metricHasTestSeries(metric_);
    const bool keyTest = seriesKeyWanted_ && showsTest();
    const bool wanted = !title_.isEmpty() || keyTrain || keyTest;
    if (wanted && heading_ == nullptr) {
        heading_ = new FigureHeading(this);
        plotLayout()->insertRow(0);
        plotLayout()->addElement(0, 0, heading_);
    } else if (!wanted && heading_ != nullptr) {
        plotLayout()->remove(heading_);  // deletes it
        heading_ = nullptr;
        plotLayout()->simplify();
    }
    if (heading_ != nullptr) {
        heading_->setTitle(title_);
        heading_->setKey(keyTrain, keyTest);
    }
}

QCPRange RunPlot::withYLimits(QCPRange automatic) const {
    QCPRange range = automatic;
    if (yLimitLow_) {
        range.lower = *yLimitLow_;
    }
    if (yLimitHigh_) {
        range.upper = *yLimitHigh_;
    }
    if (range.lower < range.upper) {
        return range;
    }
    // One fixed end crossed the automatic other end: move the automatic one away.
    if (yLimitLow_ && !yLimitHigh_) {
        range.upper =
            logY_ ? range.lower * 10.0 : range.lower + std::max(1.0, std::abs(range.lower));
    } else if (yLimitHigh_ && !yLimitLow_) {
        range.lower =
            logY_ ? range.upper / 10.0 : range.upper - std::max(1.0, std::abs(range.upper));
    } else {
        return automatic;  // contradictory fixed ends: the callers reject these
    }
    return range;
}

}  // namespace lrscope::ui
