// The view side of RunPlot: axes, following the data, the legend, the note in the middle,
// the hover read-out and replot pacing. run_plot.cpp holds the curves.
#include "ui/views/curves/run_plot.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>

#include <QToolTip>

#include "core/base/number_format.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/curve_cache.hpp"
#include "ui/views/curves/legend_entry.hpp"

namespace lrscope::ui {

namespace {

constexpr long kMaxReplotGapMs = 250;
constexpr double kHoverRadiusPx = 14.0;
// A running run gets at least this much room to the right of its last epoch (up to its planned
// end), so its curve grows into the plot instead of pushing against the edge.
constexpr double kRunningRoom = 1.25;
// Lr-change labels nearer the top edge than this go below their marker.
constexpr double kLabelTopRoomPx = 30.0;
// Up to this many legend entries sit in the plot's corner; more go beside the plot.
constexpr int kLegendInsideMax = 6;

// Axis ends while following move in steps: to a round number of epochs on x, to a quarter
// decade on a log y axis. Between steps a live plot's axes hold still, so it redraws only where
// curves grew (CurveCache), and the ends read well.
double roundUp(double value) {
    constexpr std::array<double, 10> kSteps = {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0};
    if (!(value > 0.0) || !std::isfinite(value)) {
        return value;
    }
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : kSteps) {
        if (step * decade >= value * (1.0 - 1e-12)) {
            return step * decade;
        }
    }
    return 10.0 * decade;
}

double quarterDecade(double value, bool up) {
    if (!(value > 0.0) || !std::isfinite(value)) {
        return value;
    }
    const double quarters = 4.0 * std::log10(value);
    return std::pow(10.0, (up ? std::ceil(quarters - 1e-9) : std::floor(quarters + 1e-9)) / 4.0);
}

struct Range {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    bool valid() const { return low <= high; }
    void include(double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    }
};

}  // namespace

void RunPlot::setEmptyMessage(const QString& message) {
    emptyMessage_ = message;
    refreshNote();
    requestReplot();
}

QString RunPlot::noteText() const {
    return note_ != nullptr && note_->visible() ? note_->text() : QString();
}

QString RunPlot::missingPointsReason() const {
    bool anyRecords = false;
    bool anyClassLabels = false;
    bool anyTestSplit = false;
    for (const auto& [id, c] : runs_) {
        if (!c.visible) {
            continue;
        }
        if ((showsTrain() && c.trainSeries->extent().count > 0) ||
            (showsTest() && c.testSeries->extent().count > 0)) {
            return {};
        }
        // Epoch 0 has no step statistics: wait for a second record before explaining.
        anyRecords = anyRecords || c.recordCount >= 2;
        anyClassLabels = anyClassLabels || c.hasClassLabels;
        anyTestSplit = anyTestSplit || c.hasTestSplit;
    }
    if (!anyRecords) {
        return {};
    }
    const bool classMetric =
        metric_ == PlotMetric::ErrorPercent || metric_ == PlotMetric::SuccessPercent;
    if (classMetric && !anyClassLabels) {
        return tr("No %1 to draw: the runs shown are regressions,\n"
                  "which have no class labels. The loss plot shows how they train.")
            .arg(metricValueName(metric_));
    }
    if (showsTest() && !showsTrain() && !anyTestSplit) {
        return tr("No test curve to draw: the runs shown have no test split\n"
                  "(test fraction 0). Choose \"train\" to see their %1.")
            .arg(metricValueName(metric_));
    }
    if (logY_) {
        return tr("No %1 above zero to draw on a log scale.").arg(metricValueName(metric_));
    }
    return tr("No %1 to draw for the runs shown.").arg(metricValueName(metric_));
}

bool RunPlot::showsOnlyRegressions() const {
    bool any = false;
    for (const auto& [id, c] : runs_) {
        if (!c.visible || c.recordCount == 0) {
            continue;
        }
        if (c.hasClassLabels) {
            return false;
        }
        any = true;
    }
    return any;
}

QString RunPlot::cornerNoteText() const {
    return cornerNote_ != nullptr && cornerNote_->visible() ? cornerNote_->text() : QString();
}

void RunPlot::refreshNote() {
    hiddenPoints_ = 0;
    for (const auto& [id, c] : runs_) {
        if (c.visible) {
            hiddenPoints_ += (showsTrain() ? c.trainSeries->hidden() : 0) +
                             (showsTest() ? c.testSeries->hidden() : 0);
        }
    }
    const QString corner =
        hiddenPoints_ == 0
            ? QString()
            : tr("Log scale: %1 at 0 not drawn (gaps in the curves)")
                  .arg(hiddenPoints_ == 1 ? tr("1 point") : tr("%1 points").arg(hiddenPoints_));
    if (cornerNote_ == nullptr && !corner.isEmpty()) {
        cornerNote_ = new QCPItemText(this);
        cornerNote_->position->setType(QCPItemPosition::ptAxisRectRatio);
        cornerNote_->position->setCoords(0.01, 0.99);
        cornerNote_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        cornerNote_->setColor(QColor(0x70, 0x70, 0x70));
        cornerNote_->setBrush(QColor(255, 255, 255, 210));
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        cornerNote_->setFont(small);
        cornerNote_->setSelectable(false);
    }
    if (cornerNote_ != nullptr) {
        cornerNote_->setText(corner);
        cornerNote_->setVisible(!corner.isEmpty());
    }
    const QString text = runs_.empty() ? emptyMessage_ : missingPointsReason();
    if (note_ == nullptr) {
        if (text.isEmpty()) {
            return;
        }
        note_ = new QCPItemText(this);
        note_->position->setType(QCPItemPosition::ptAxisRectRatio);
        note_->position->setCoords(0.5, 0.45);
        note_->setColor(QColor(0x70, 0x70, 0x70));
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.2);
        note_->setFont(big);
        note_->setTextAlignment(Qt::AlignCenter);
        note_->setSelectable(false);
    }
    if (note_->text() != text || note_->visible() == text.isEmpty()) {
        note_->setText(text);
        note_->setVisible(!text.isEmpty());
        requestReplot();
    }
}

void RunPlot::setFollow(bool follow) {
    if (follow == follow_) {
        return;
    }
    follow_ = follow;
    if (follow_) {
        fitToData();
        requestReplot();
    }
    emit followChanged(follow_);
}

void RunPlot::setLegendShown(bool shown) {
    legendShown_ = shown;
    refreshLegend();
    requestReplot();
}

void RunPlot::refreshLegend() {
    // Entries name what tells the runs shown apart ("SGD  lr=0.1 · moons" beside
    // "SGD  lr=0.1 · xor"), not just their optimizer and rate.
    // Imported runs are told apart by their names: their settings are not known.
    std::vector<Curves*> shown;
    std::vector<const core::RunConfig*> configs;
    std::vector<bool> imported;
    for (auto& [id, c] : runs_) {
        const Run* run = store_.run(id);
        if (c.visible && run != nullptr) {
            shown.push_back(&c);
            imported.push_back(run->imported());
            if (!run->imported()) {
                configs.push_back(&run->config);
            }
        }
    }
    const std::vector<QString> trainedDifferences = distinguishingSettings(configs);
    std::vector<QString> differences;
    for (std::size_t i = 0, trained = 0; i < shown.size(); ++i) {
        differences.push_back(imported[i] ? QString() : trainedDifferences[trained++]);
    }
    legend->clearItems();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        Curves& c = *shown[i];
        const QString name = differences[i].isEmpty()
                                 ? c.label
                                 : QStringLiteral("%1  · %2").arg(c.label, differences[i]);
        for (QCPGraph* g : std::initializer_list<QCPGraph*>{c.train, c.test, c.divergence}) {
            g->setName(name);
        }
        legend->addItem(new LegendEntry(legend, primaryGraph(c)));
    }
    // An empty legend would still draw its frame.
    legend->setVisible(legendShown_ && legend->itemCount() > 0);
    // Many entries would cover the curves: the legend then moves beside the plot.
    const bool outside = legend->itemCount() > kLegendInsideMax;
    const int row = axisRectRow();
    if (outside && !legendOutside_) {
        // A column beside the plot: the legend at its top, an empty cell taking the rest.
        axisRect()->insetLayout()->take(legend);
        auto* side = new QCPLayoutGrid;
        plotLayout()->addElement(row, 1, side);
        plotLayout()->setColumnStretchFactor(1, 0.001);
        side->addElement(0, 0, legend);
        side->addElement(1, 0, new QCPLayoutElement(this));
        side->setRowStretchFactor(0, 0.001);
        side->setRowStretchFactor(1, 1.0);
        legendOutside_ = true;
    } else if (!outside && legendOutside_) {
        auto* side = qobject_cast<QCPLayoutGrid*>(plotLayout()->element(row, 1));
        if (side != nullptr) {
            side->take(legend);
            plotLayout()->remove(side);
        }
        plotLayout()->simplify();
        axisRect()->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
        legendOutside_ = false;
    }
    refreshHeading();
}

void RunPlot::refreshAxes() {
    yAxis->setLabel(metricAxisLabel(metric_));
    if (logY_) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        refreshLogTicks();
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        yAxis->setNumberFormat(QStringLiteral("g"));
        yAxis->setNumberPrecision(6);
    }
}

void RunPlot::refreshLogTicks() {
    if (!logY_) {
        return;
    }
    // Within less than a decade a log ticker repeats one label ("0.01 0.01 0.01"): evenly
    // spaced ticks with three significant digits read better there.
    const QCPRange range = yAxis->range();
    const bool decades = range.lower > 0.0 && range.upper / range.lower >= 10.0;
    const bool isLogTicker = !yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull();
    if (decades && !isLogTicker) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        yAxis->setTicker(ticker);
        yAxis->setNumberFormat(QStringLiteral("gb"));
        yAxis->setNumberPrecision(0);
    } else if (!decades && isLogTicker) {
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        yAxis->setNumberFormat(QStringLiteral("g"));
        yAxis->setNumberPrecision(3);
    } else if (!decades && yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull() &&
               yAxis->numberPrecision() != 3) {
        yAxis->setNumberFormat(QStringLiteral("g"));
        yAxis->setNumberPrecision(3);
    }
}

void RunPlot::fitToData() {
    // The x axis spans the data shown: a finished run up to its last epoch, a running one with
    // room to grow (never past its planned end).
    double lastEpoch = 1.0;
    Range values;
    for (const auto& [id, c] : runs_) {
        if (!c.visible) {
            continue;
        }
        double runEnd = 0.0;
        for (const SeriesExtent* e : {showsTrain() ? &c.trainSeries->extent() : nullptr,
                                      showsTest() ? &c.testSeries->extent() : nullptr}) {
            if (e == nullptr || e->count == 0) {
                continue;
            }
            runEnd = std::max(runEnd, e->lastKey);
            values.include(e->low);
            values.include(e->high);
        }
        const Run* run = store_.run(id);
        if (run != nullptr && !isFinished(run->state)) {
            runEnd = std::min(roundUp(std::max(runEnd * kRunningRoom, runEnd + 10.0)),
                              static_cast<double>(std::max(c.plannedEpochs, 1)));
        }
        lastEpoch = std::max(lastEpoch, runEnd);
    }
    // Without points yet the axis shows the first ten epochs, in whole numbers.
    xAxis->setRange(0, values.valid() ? lastEpoch : std::max(lastEpoch, 10.0));
    const bool percent = !metricUnit(metric_).isEmpty();
    if (!values.valid()) {
        yAxis->setRange(withYLimits(logY_ ? QCPRange(0.01, 10) : QCPRange(0, percent ? 100 : 1)));
        return;
    }
    if (logY_) {
        const double low = quarterDecade(values.low / 1.5, false);
        const double high = quarterDecade(std::max(values.high * 1.5, low * 10), true);
        yAxis->setRange(withYLimits(QCPRange(low, high)));
        return;
    }
    double low = std::min(0.0, values.low);
    double high = percent ? std::min(values.high, 100.0) : values.high;
    // Headroom above the highest value, so a curve at 100 % does not vanish into the frame.
    high = high > low ? high + 0.05 * (high - low) : low + 1.0;
    yAxis->setRange(withYLimits(QCPRange(low, high)));
}

void RunPlot::refreshClipMarks() {
    const QCPRange range = yAxis->range();
    const QCPRange keys = xAxis->range();
    for (auto& [id, c] : runs_) {
        const SeriesExtent& e = primarySeries(c).extent();
        // A diverged run's cross and label already say where it left the plot.
        const bool clipped = c.visible && !c.divergedAt && e.count > 0 && e.peak > range.upper &&
                             e.peakKey >= keys.lower && e.peakKey <= keys.upper;
        if (clipped && c.clipMark == nullptr) {
            c.clipMark = new QCPItemText(this);
            c.clipMark->position->setTypeX(QCPItemPosition::ptPlotCoords);
            c.clipMark->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            c.clipMark->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            c.clipMark->setText(tr("▲ clipped"));
            c.clipMark->setBrush(QColor(255, 255, 255, 200));
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.8);
            c.clipMark->setFont(small);
            c.clipMark->setSelectable(false);
            c.clipMark->setColor(c.colour.darker(115));
        }
        if (c.clipMark != nullptr) {
            c.clipMark->position->setCoords(e.peakKey, 0.0);

            c.clipMark->setVisible(clipped);
        }
    }
}

void RunPlot::placeMarkerLabels() {
    // Each lr-change label sits above its marker, or below it near the top edge; a label that
    // would overlap one placed before moves one line further away.
    const QRect area = axisRect()->rect();
    std::vector<QRectF> placed;
    for (auto& [id, c] : runs_) {
        QCPItemTracer* tracer = nullptr;
        for (QCPAbstractItem* item : c.markers) {
            if (auto* t = qobject_cast<QCPItemTracer*>(item)) {
                tracer = t;
                continue;
            }
            auto* text = qobject_cast<QCPItemText*>(item);
            if (text == nullptr || tracer == nullptr || !text->visible()) {
                continue;
            }
            placeMarker(c, tracer);
            const QPointF at = tracer->position->pixelPosition();
            const QFontMetricsF metrics(text->font());
            const QSizeF size(metrics.horizontalAdvance(text->text()) + 4, metrics.height());
            const bool below = at.y() - area.top() < kLabelTopRoomPx;
            double offset = 8.0;
            QRectF rect;
            for (int attempt = 0; attempt < 4; ++attempt) {
                const double top = below ? at.y() + offset : at.y() - offset - size.height();
                rect = QRectF(at.x() - size.width() / 2, top, size.width(), size.height());
                const bool overlaps =
                    std::any_of(placed.begin(), placed.end(),
                                [&](const QRectF& r) { return r.intersects(rect); });
                if (!overlaps) {
                    break;
                }
                offset += size.height();
            }
            placed.push_back(rect);
            text->position->setCoords(0, below ? offset : -offset);
            text->setPositionAlignment(Qt::AlignHCenter | (below ? Qt::AlignTop : Qt::AlignBottom));
        }
    }
}

void RunPlot::showHover(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (!axisRect()->rect().contains(pos.toPoint())) {
        QToolTip::hideText();
        return;
    }
    const double key = std::round(xAxis->pixelToCoord(pos.x()));
    double bestDistance = kHoverRadiusPx;
    QString text;
    for (const auto& [id, c] : runs_) {
        for (const CurveGraph* g : {c.train, c.test}) {
            if (!g->visible()) {
                continue;
            }
            const std::optional<QCPGraphData> it = g->firstPointFrom(key);
            if (!it) {
                continue;
            }
            const QPointF point(xAxis->coordToPixel(it->key), yAxis->coordToPixel(it->value));
            const double distance = std::hypot(point.x() - pos.x(), point.y() - pos.y());
            if (distance < bestDistance) {
                bestDistance = distance;
                const QString split = !metricHasTestSeries(metric_) ? QString()
                                      : g == c.test                 ? tr("test ")
                                                                    : tr("train ");
                text = tr("<b>%1</b><br>epoch %2<br>%3%4 %5%6")
                           .arg(c.label.toHtmlEscaped())
                           .arg(static_cast<long>(it->key))
                           .arg(split, metricValueName(metric_),
                                QString::fromStdString(core::formatCompact(it->value, 4)),
                                metricUnit(metric_));
            }
        }
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
}

void RunPlot::requestReplot() {
    if (replotTimer_.isActive()) {
        return;
    }
    // Leave the event loop at least twice the last replot's time between two replots, so a
    // plot with very many points never takes more than about a third of the GUI thread.
    const auto now = std::chrono::steady_clock::now();
    const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(now - lastReplotEnd_);
    const long wanted = std::min<long>(2 * lastReplotMs_, kMaxReplotGapMs);
    replotTimer_.start(static_cast<int>(std::max<long>(0, wanted - gap.count())));
}

void RunPlot::refreshDecorations() {
    refreshLogTicks();
    refreshClipMarks();
    placeMarkerLabels();
}

void RunPlot::replotNow() {
    const auto start = std::chrono::steady_clock::now();
    refreshDecorations();
    replot(QCustomPlot::rpQueuedRefresh);
    lastReplotEnd_ = std::chrono::steady_clock::now();
    lastReplotMs_ = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(lastReplotEnd_ - start).count());
}

}  // namespace lrscope::ui
