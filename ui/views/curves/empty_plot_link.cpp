#include "ui/views/curves/empty_plot_link.hpp"

#include <QAction>

#include "ui/runs/run_store.hpp"
#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

EmptyPlotLink::EmptyPlotLink(RunPlot& plot, const RunStore& store, QAction& action)
    : QObject(&plot), plot_(plot), store_(store), action_(action), item_(new QCPItemText(&plot)) {
    item_->position->setType(QCPItemPosition::ptAxisRectRatio);
    item_->position->setCoords(0.5, 0.62);  // placeUnderMessage() moves it after each layout
    item_->setPositionAlignment(Qt::AlignCenter);
    item_->setColor(QColor(0x1A, 0x5F, 0xB4));
    QFont font = plot.font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setUnderline(true);
    item_->setFont(font);
    item_->setPadding(QMargins(6, 3, 6, 3));
    item_->setSelectable(false);
    item_->setText(QStringLiteral("▶ %1").arg(QString(action.text()).remove(QLatin1Char('&'))));
    item_->setObjectName(QStringLiteral("emptyLink"));

    connect(&plot, &QCustomPlot::afterLayout, this, &EmptyPlotLink::placeUnderMessage);
    connect(&store, &RunStore::runAdded, this, &EmptyPlotLink::refresh);
    connect(&store, &RunStore::runRemoved, this, &EmptyPlotLink::refresh);
    connect(&store, &RunStore::cleared, this, &EmptyPlotLink::refresh);
    connect(&plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() == Qt::LeftButton && hits(event->position())) {
            action_.trigger();
        }
    });
    connect(&plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (hits(event->position())) {
            plot_.setCursor(Qt::PointingHandCursor);
        } else if (plot_.cursor().shape() == Qt::PointingHandCursor) {
            plot_.unsetCursor();
        }
    });
    refresh();
}

void EmptyPlotLink::placeUnderMessage() {
    // The plot's empty message is two lines at 1.2x the plot's font, centred at 45% of the
    // height: the link goes a line below it, however short the plot is.
    const int height = plot_.axisRect()->rect().height();
    if (height <= 0) {
        return;
    }
    QFont noteFont = plot_.font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 1.2);
    const double noteHalf = QFontMetrics(noteFont).height();  // half of two lines
    const double linkHalf = QFontMetrics(item_->font()).height() / 2.0 + 3.0;
    item_->position->setCoords(0.5, 0.45 + (noteHalf + 10.0 + linkHalf) / height);
}

bool EmptyPlotLink::isShown() const {
    return item_->visible();
}

QString EmptyPlotLink::text() const {
    return item_->text();
}

QPoint EmptyPlotLink::centre() const {
    return item_->position->pixelPosition().toPoint();
}

bool EmptyPlotLink::hits(const QPointF& pixel) const {
    // selectTest gives the distance to the text's box (a little under the tolerance inside
    // it), whether or not the item is selectable.
    return item_->visible() &&
           item_->selectTest(pixel, false) < static_cast<double>(plot_.selectionTolerance());
}

void EmptyPlotLink::refresh() {
    const bool shown = store_.empty();
    if (item_->visible() != shown) {
        item_->setVisible(shown);
        if (!shown && plot_.cursor().shape() == Qt::PointingHandCursor) {
            plot_.unsetCursor();
        }
        plot_.requestReplot();
    }
}

}  // namespace lrscope::ui
