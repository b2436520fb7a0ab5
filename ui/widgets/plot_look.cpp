#include "ui/widgets/plot_look.hpp"

#include <qcustomplot.h>

namespace lrscope::ui {

void applyLightGrid(QCustomPlot& plot) {
    const QColor grid(0xE3, 0xE3, 0xE3);
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
        axis->grid()->setPen(QPen(grid, 0));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
}

void applyCompactLegend(QCustomPlot& plot) {
    QFont legendFont = plot.font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    plot.legend->setFont(legendFont);
    plot.legend->setBrush(QColor(255, 255, 255, 225));
    plot.legend->setBorderPen(QPen(QColor(0xC8, 0xC8, 0xC8), 0));
    plot.legend->setRowSpacing(-2);
}

void putLegendAbove(QCustomPlot& plot, int columns) {
    QCPLegend* legend = plot.legend;
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, legend);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(columns);
    legend->setMargins(QMargins(4, 4, 4, 0));
    legend->setBorderPen(Qt::NoPen);  // a header row, not a box over the data
    legend->setBrush(Qt::NoBrush);
    plot.plotLayout()->setRowStretchFactor(0, 0.001);
    // An empty legend's width hint is 0, which would squeeze the plot's column to nothing;
    // a set maximum width (margins included, below QWIDGETSIZE_MAX) replaces that hint.
    legend->setMaximumSize(100000, QWIDGETSIZE_MAX);
}

}  // namespace lrscope::ui
