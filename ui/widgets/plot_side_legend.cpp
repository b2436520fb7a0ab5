#include "ui/widgets/plot_side_legend.hpp"

#include <qcustomplot.h>

namespace lrscope::ui {

void putLegendBeside(QCustomPlot& plot) {
    QCPLayoutGrid* layout = plot.plotLayout();
    // The axis rect's row: the last one (a title row sits above it).
    const int row = layout->rowCount() - 1;
    plot.axisRect()->insetLayout()->take(plot.legend);
    auto* side = new QCPLayoutGrid;
    layout->addElement(row, 1, side);
    layout->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, plot.legend);
    side->addElement(1, 0, new QCPLayoutElement(&plot));
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 1.0);
    plot.legend->setMargins(QMargins(4, 6, 4, 2));
}

}  // namespace lrscope::ui
