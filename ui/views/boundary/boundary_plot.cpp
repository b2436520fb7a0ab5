#include "ui/views/boundary/boundary_plot.hpp"

#include "ui/views/boundary/class_colours.hpp"
#include "ui/widgets/plot_look.hpp"
#include "ui/widgets/plot_side_legend.hpp"

namespace lrscope::ui {

namespace {

constexpr double kPointSize = 6.0;

QCPScatterStyle pointStyle(const QColor& colour, bool filled) {
    if (filled) {
        return {QCPScatterStyle::ssDisc, colour.darker(135), colour, kPointSize};
    }
    return {QCPScatterStyle::ssCircle, QPen(colour.darker(115), 1.6), QBrush(Qt::white),
            kPointSize + 1.0};
}

}  // namespace

BoundaryPlot::BoundaryPlot(QWidget* parent)
    : QCustomPlot(parent),
      pixmap_(new QCPItemPixmap(this)),
      message_(new QCPItemText(this)),
      caption_(new QCPTextElement(this)),
      probe_(new QCPItemTracer(this)) {
    setMinimumSize(260, 220);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setVisible(false);
        axis->setBasePen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setTickPen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setSubTickPen(QPen(QColor(0x90, 0x90, 0x90), 0));
    }
    pixmap_->setLayer(QStringLiteral("background"));
    pixmap_->setScaled(true, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    pixmap_->setClipToAxisRect(true);
    pixmap_->setVisible(false);

    message_->setPositionAlignment(Qt::AlignCenter);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setColor(QColor(0x55, 0x55, 0x55));
    message_->setClipToAxisRect(false);
    message_->setVisible(false);

    // The caption is a row above the plane, so it never covers points.
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, caption_);
    caption_->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    caption_->setMargins(QMargins(8, 2, 8, 0));

    probe_->setStyle(QCPItemTracer::tsPlus);
    probe_->setSize(14);
    probe_->setPen(QPen(Qt::black, 2.0));
    probe_->position->setType(QCPItemPosition::ptPlotCoords);
    probe_->setVisible(false);

    legend->setVisible(false);
    applyCompactLegend(*this);
    putLegendBeside(*this);

    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton || shape_ != BoundaryData::Shape::Plane) {
            return;
        }
        const core::PlanePoint p{xAxis->pixelToCoord(event->position().x()),
                                 yAxis->pixelToCoord(event->position().y())};
        if (range_.contains(p)) {
            emit planeClicked(p);
        }
    });
    showMessage(QString());
}

void BoundaryPlot::clearLayers() {
    for (QCPGraph* graph : pointGraphs_) {
        removeGraph(graph);
    }
    pointGraphs_.clear();
    if (curve_ != nullptr) {
        removeGraph(curve_);
        curve_ = nullptr;
    }
    legend->clearItems();
    heatmap_ = QImage();
    pixmap_->setVisible(false);
    probe_->setVisible(false);
}

void BoundaryPlot::addPoints(const std::vector<BoundaryPoint>& points, bool filled, bool byClass,
                             int classes, const QStringList& names) {
    const int groups = byClass ? classes : 1;
    for (int k = 0; k < groups; ++k) {
        QVector<double> xs;
        QVector<double> ys;
        for (const BoundaryPoint& p : points) {
            if (!byClass || p.label == k) {
                xs.push_back(p.x);
                ys.push_back(p.y);
            }
        }
        QCPGraph* graph = addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor colour = byClass ? classColour(k) : QColor(0x33, 0x33, 0x33);
        graph->setScatterStyle(pointStyle(colour, filled));
        graph->setData(xs, ys);
        const QString group = byClass ? names.value(k, QString::number(k)) : tr("data");
        graph->setName(filled ? tr("%1 (train)").arg(group) : tr("%1 (test)").arg(group));
        if (xs.isEmpty()) {
            graph->removeFromLegend();
        }
        pointGraphs_.push_back(graph);
    }
}

void BoundaryPlot::setData(const BoundaryData& boundary, const QString& caption) {
    clearLayers();
    shape_ = boundary.shape;
    if (boundary.shape == BoundaryData::Shape::Unsupported) {
        showMessage(boundary.reason);
        return;
    }
    message_->setVisible(false);
    range_ = boundary.range;
    xAxis->setVisible(true);
    yAxis->setVisible(true);
    xAxis->setLabel(boundary.xName);
    yAxis->setLabel(boundary.yName);
    xAxis->setRange(range_.xMin, range_.xMax);
    yAxis->setRange(range_.yMin, range_.yMax);
    const bool byClass = boundary.shape == BoundaryData::Shape::Plane;
    const int classes = static_cast<int>(boundary.classNames.size());
    if (!byClass) {
        curve_ = addGraph();
        curve_->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2.0));
        curve_->setName(tr("network"));
    }
    addPoints(boundary.train, true, byClass, classes, boundary.classNames);
    addPoints(boundary.test, false, byClass, classes, boundary.classNames);
    legend->setVisible(true);
    caption_->setText(caption);
    replot(rpQueuedReplot);
}

void BoundaryPlot::setPicture(const BoundaryPicture& picture, const QString& caption) {
    caption_->setText(caption);
    if (!picture.error.isEmpty()) {
        pixmap_->setVisible(false);
        message_->setText(picture.error);
        message_->setVisible(true);
    } else if (shape_ == BoundaryData::Shape::Plane && !picture.heatmap.isNull()) {
        message_->setVisible(false);
        heatmap_ = picture.heatmap;
        pixmap_->setPixmap(
            QPixmap::fromImage(picture.display.isNull() ? heatmap_ : picture.display));
        pixmap_->topLeft->setCoords(range_.xMin, range_.yMax);
        pixmap_->bottomRight->setCoords(range_.xMax, range_.yMin);
        pixmap_->setVisible(true);
    } else if (shape_ == BoundaryData::Shape::Curve && curve_ != nullptr) {
        message_->setVisible(false);
        curve_->setData(QVector<double>(picture.curveX.begin(), picture.curveX.end()),
                        QVector<double>(picture.curveY.begin(), picture.curveY.end()), true);
    }
    replot(rpQueuedReplot);
}

void BoundaryPlot::showMessage(const QString& message) {
    clearLayers();
    shape_ = BoundaryData::Shape::Unsupported;
    xAxis->setVisible(false);
    yAxis->setVisible(false);
    caption_->setText(QString());
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    replot(rpQueuedReplot);
}

void BoundaryPlot::setProbe(std::optional<core::PlanePoint> point) {
    probe_->setVisible(point.has_value() && shape_ == BoundaryData::Shape::Plane);
    if (point) {
        probe_->position->setCoords(point->x, point->y);
    }
    replot(rpQueuedReplot);
}

QString BoundaryPlot::message() const {
    return message_->visible() ? message_->text() : QString();
}

QString BoundaryPlot::caption() const {
    return caption_->text();
}

QSize BoundaryPlot::planePixels() const {
    return axisRect()->rect().size() * devicePixelRatio();
}

bool BoundaryPlot::hasHeatmap() const {
    return pixmap_->visible() && !heatmap_.isNull();
}

int BoundaryPlot::drawnPointCount() const {
    int count = 0;
    for (const QCPGraph* graph : pointGraphs_) {
        count += graph->dataCount();
    }
    return count;
}

}  // namespace lrscope::ui
