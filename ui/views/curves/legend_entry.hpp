#pragma once

#include <qcustomplot.h>

namespace lrscope::ui {

// A legend entry of a run plot: QCustomPlot's entry for a plottable, which measures its text
// again whenever the plot lays itself out, at every replot. Shaping the text of 32 entries was
// a tenth of the GUI thread's time while 32 runs trained; this entry measures once and again
// only when its text, font or the legend's icon size, padding or its margins change.
class LegendEntry : public QCPPlottableLegendItem {
    Q_OBJECT
public:
    LegendEntry(QCPLegend* legend, QCPAbstractPlottable* plottable);

protected:
    QSize minimumOuterSizeHint() const override;

private:
    struct Measured {
        QString name;
        QFont font;
        QSize iconSize;
        int iconTextPadding = 0;
        QMargins margins;
        QSize hint;
        bool operator==(const Measured& other) const;
    };
    mutable Measured measured_;
    mutable bool valid_ = false;
};

}  // namespace lrscope::ui
