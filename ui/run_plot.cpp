#include "ui/run_plot.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <QToolTip>

#include "core/number_format.hpp"

namespace lrscope::ui {

namespace {

// Pens: wide pens cost far more to draw (dashed ones ~50x), so test curves are always 1 px
// and train curves are 2 px and antialiased only while the plot holds few points.
constexpr double kThickPen = 2.0;
constexpr double kThinPen = 1.0;
constexpr long kThickPenPointLimit = 40'000;
constexpr long kMaxReplotGapMs = 250;
constexpr double kHoverRadiusPx = 14.0;
// While following a loss plot on a linear axis, a curve counts up to this multiple of its
// first value: a diverging run shoots out of view instead of flattening every other curve.
constexpr double kLossFollowCap = 3.0;
constexpr double kLossFollowCapLog = 1000.0;  // the same on a log axis: three decades

QString compact(double value, int digits = 3) {
    return QString::fromStdString(core::formatCompact(value, digits));
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

void RunPlot::Extent::include(double key, double value, double cap) {
    if (count == 0) {
        first = value;
        low = value;
        high = value;
    }
    ++count;
    lastKey = key;
    const double limit = first > 0.0 ? first * cap : std::numeric_limits<double>::infinity();
    low = std::min(low, value);
    high = std::max(high, std::min(value, limit));
}

RunPlot::RunPlot(PlotMetric metric, QWidget* parent) : QCustomPlot(parent), metric_(metric) {
    replotTimer_.setSingleShot(true);
    connect(&replotTimer_, &QTimer::timeout, this, &RunPlot::replotNow);
    setPlottingHints(QCP::phCacheLabels | QCP::phFastPolylines);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    setMouseTracking(true);
    xAxis->setLabel(tr("Epoch"));
    xAxis->setRange(0, 10);
    yAxis->setRange(0, 1);
    const QColor grid(0xE3, 0xE3, 0xE3);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setPen(QPen(grid, 0));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->setBasePen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setTickPen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setSubTickPen(QPen(QColor(0x90, 0x90, 0x90), 0));
    }
    legend->setVisible(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    legend->setFont(legendFont);
    legend->setBrush(QColor(255, 255, 255, 225));
    legend->setBorderPen(QPen(QColor(0xC8, 0xC8, 0xC8), 0));
    legend->setRowSpacing(-2);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setToolTip(QString());

    connect(this, &QCustomPlot::mouseWheel, this, [this] { setFollow(false); });
    connect(this, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* event) { dragging_ = event->button() == Qt::LeftButton; });
    connect(this, &QCustomPlot::mouseRelease, this, [this] { dragging_ = false; });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { setFollow(true); });
    connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (dragging_ && (event->buttons() & Qt::LeftButton)) {
            setFollow(false);
            return;
        }
        showHover(event);
    });
    refreshAxes();
    refreshLegend();
    fitToData();
}

bool RunPlot::showsTrain() const {
    return !metricHasTestSeries(metric_) || series_ != SeriesChoice::TestOnly;
}

bool RunPlot::showsTest() const {
    return metricHasTestSeries(metric_) && series_ != SeriesChoice::TrainOnly;
}

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
        if ((showsTrain() && c.trainExtent.count > 0) || (showsTest() && c.testExtent.count > 0)) {
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
                  "and a %1 needs class labels. The loss plot shows how they train.")
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

void RunPlot::refreshNote() {
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

void RunPlot::styleCurves(Curves& c) {
    QPen solid(c.colour, thickPens_ ? kThickPen : kThinPen);
    c.train->setPen(solid);
    c.train->setVisible(c.visible && showsTrain());
    if (c.test != nullptr) {
        QPen dashed(c.colour, kThinPen, Qt::DashLine);
        c.test->setPen(dashed);
        c.test->setVisible(c.visible && showsTest());
    }
    QCPScatterStyle cross(QCPScatterStyle::ssCross, QPen(c.colour, 2.5), Qt::NoBrush, 13);
    c.divergence->setScatterStyle(cross);
    c.divergence->setVisible(c.visible && c.divergedAt.has_value());
    for (QCPAbstractItem* item : c.markers) {
        item->setVisible(c.visible);
        if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
            tracer->setPen(QPen(c.colour, 1.5));
        } else if (auto* text = qobject_cast<QCPItemText*>(item)) {
            text->setColor(c.colour.darker(115));
        }
    }
}

void RunPlot::addRun(core::RunId id, const QColor& colour, const QString& label,
                     int plannedEpochs) {
    if (runs_.count(id) != 0) {
        return;
    }
    Curves c;
    c.colour = colour;
    c.label = label;
    c.plannedEpochs = plannedEpochs;
    if (!historySource_) {
        // Reserved whole: doubling a long history copies it all at once and stalls the window.
        c.records.reserve(static_cast<size_t>(std::max(plannedEpochs, 0)) + 1);
    }
    c.train = new DenseGraph(xAxis, yAxis);
    c.test = new DenseGraph(xAxis, yAxis);
    for (DenseGraph* g : {c.train, c.test}) {
        g->setAdaptiveSampling(true);
        g->reserve(std::max(plannedEpochs, 0) + 1);
    }
    c.divergence = addGraph();
    c.divergence->setLineStyle(QCPGraph::lsNone);
    for (QCPGraph* g : std::initializer_list<QCPGraph*>{c.train, c.test, c.divergence}) {
        g->setName(label);
        g->removeFromLegend();
        g->setSelectable(QCP::stNone);
    }
    styleCurves(c);
    runs_.emplace(id, std::move(c));
    refreshNote();
    refreshLegend();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

void RunPlot::addMarker(Curves& c, const core::EpochRecord& record) {
    QCPGraph* anchor = primaryGraph(c);
    auto* tracer = new QCPItemTracer(this);
    tracer->setGraph(anchor);
    tracer->setGraphKey(record.epoch);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setSize(8);
    tracer->setBrush(Qt::white);
    auto* text = new QCPItemText(this);
    text->position->setParentAnchor(tracer->position);
    text->position->setCoords(0, -8);
    text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    text->setText(QStringLiteral("lr→%1").arg(compact(*record.lr_changed_to)));
    text->setBrush(QColor(255, 255, 255, 200));
    text->setPadding(QMargins(2, 0, 2, 0));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    text->setFont(small);
    c.markers.push_back(tracer);
    c.markers.push_back(text);
}

void RunPlot::addPoints(Curves& c, const std::vector<core::EpochRecord>& records) {
    QVector<double> trainKeys;
    QVector<double> trainValues;
    QVector<double> testKeys;
    QVector<double> testValues;
    trainKeys.reserve(static_cast<qsizetype>(records.size()));
    trainValues.reserve(static_cast<qsizetype>(records.size()));
    const auto usable = [this](const std::optional<double>& v) {
        return v && std::isfinite(*v) && (!logY_ || *v > 0.0);
    };
    const double cap = metric_ != PlotMetric::Loss ? std::numeric_limits<double>::infinity()
                       : logY_                     ? kLossFollowCapLog
                                                   : kLossFollowCap;
    bool newMarker = false;
    for (const core::EpochRecord& record : records) {
        const MetricValues values = metricValues(metric_, record);
        const double key = record.epoch;
        if (usable(values.train)) {
            trainKeys.push_back(key);
            trainValues.push_back(*values.train);
            c.trainExtent.include(key, *values.train, cap);
        }
        if (usable(values.test)) {
            testKeys.push_back(key);
            testValues.push_back(*values.test);
            c.testExtent.include(key, *values.test, cap);
        }
        newMarker = newMarker || record.lr_changed_to.has_value();
    }
    c.train->appendSorted(trainKeys, trainValues);
    c.test->appendSorted(testKeys, testValues);
    pointCount_ += trainKeys.size() + testKeys.size();
    if (newMarker) {
        for (const core::EpochRecord& record : records) {
            if (record.lr_changed_to) {
                addMarker(c, record);
            }
        }
        styleCurves(c);
    }
}

void RunPlot::appendRecords(core::RunId id, const std::vector<core::EpochRecord>& records) {
    const auto it = runs_.find(id);
    if (it == runs_.end() || records.empty()) {
        return;
    }
    Curves& c = it->second;
    if (!historySource_) {
        c.records.insert(c.records.end(), records.begin(), records.end());
    }
    c.recordCount += static_cast<long>(records.size());
    c.hasClassLabels = c.hasClassLabels || records.back().train_error.has_value();
    c.hasTestSplit = c.hasTestSplit || records.back().test_loss.has_value();
    addPoints(c, records);
    updatePens();
    refreshNote();
    if (c.divergedAt) {
        placeDivergence(c);
    }
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

void RunPlot::placeDivergence(Curves& c) {
    c.divergence->data()->clear();
    QCPGraph* source = primaryGraph(c);
    const Extent& extent = source == c.train ? c.trainExtent : c.testExtent;
    if (c.divergedAt && !source->data()->isEmpty()) {
        // The cross sits where the curve ends, or at the top of the followed range when the
        // curve shot out of it, so it stays in view.
        const auto last = source->data()->constEnd() - 1;
        c.divergence->addData(last->key, std::min(last->value, extent.high));
    }
    styleCurves(c);
}

void RunPlot::markDiverged(core::RunId id, int epoch) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    it->second.divergedAt = epoch;
    placeDivergence(it->second);
    requestReplot();
}

void RunPlot::setRunLabel(core::RunId id, const QString& label) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    it->second.label = label;
    for (QCPGraph* g : std::initializer_list<QCPGraph*>{it->second.train, it->second.test,
                                                        it->second.divergence}) {
        g->setName(label);
    }
    refreshLegend();
    requestReplot();
}

void RunPlot::setRunColour(core::RunId id, const QColor& colour) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    it->second.colour = colour;
    styleCurves(it->second);
    refreshLegend();
    requestReplot();
}

void RunPlot::setRunVisible(core::RunId id, bool visible) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    it->second.visible = visible;
    styleCurves(it->second);
    refreshNote();
    refreshLegend();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

void RunPlot::removeRun(core::RunId id) {
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return;
    }
    for (QCPAbstractItem* item : it->second.markers) {
        removeItem(item);
    }
    pointCount_ -= it->second.train->data()->size() + it->second.test->data()->size();
    removeGraph(it->second.train);
    removeGraph(it->second.test);
    removeGraph(it->second.divergence);
    runs_.erase(it);
    updatePens();
    refreshNote();
    refreshLegend();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

void RunPlot::clearRuns() {
    std::vector<core::RunId> ids;
    for (const auto& [id, curves] : runs_) {
        ids.push_back(id);
    }
    for (const core::RunId id : ids) {
        removeRun(id);
    }
    setFollow(true);
}

void RunPlot::setHistorySource(HistorySource source) {
    historySource_ = std::move(source);
    if (historySource_) {
        for (auto& [id, c] : runs_) {
            c.records = {};
        }
    }
}

void RunPlot::rebuild(core::RunId id, Curves& c) {
    for (QCPAbstractItem* item : c.markers) {
        removeItem(item);
    }
    c.markers.clear();
    pointCount_ -= c.train->data()->size() + c.test->data()->size();
    c.train->data()->clear();
    c.test->data()->clear();
    c.trainExtent = Extent{};
    c.testExtent = Extent{};
    const std::vector<core::EpochRecord>* history =
        historySource_ ? historySource_(id) : &c.records;
    if (history != nullptr) {
        addPoints(c, *history);
    }
    placeDivergence(c);
    updatePens();
}

void RunPlot::setMetric(PlotMetric metric) {
    if (metric == metric_) {
        return;
    }
    metric_ = metric;
    for (auto& [id, c] : runs_) {
        rebuild(id, c);
    }
    refreshNote();
    refreshAxes();
    refreshLegend();
    setFollow(true);
    fitToData();
    requestReplot();
}

void RunPlot::setSeries(SeriesChoice series) {
    series_ = series;
    for (auto& [id, c] : runs_) {
        rebuild(id, c);
    }
    refreshNote();
    refreshLegend();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

void RunPlot::setLogY(bool logY) {
    if (logY == logY_) {
        return;
    }
    logY_ = logY;
    for (auto& [id, c] : runs_) {
        rebuild(id, c);
    }
    refreshNote();
    refreshAxes();
    fitToData();
    requestReplot();
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

void RunPlot::updatePens() {
    const bool thick = pointCount_ < kThickPenPointLimit;
    if (thick != thickPens_) {
        thickPens_ = thick;
        // Many points: plain 1 px lines without antialiasing keep a replot under ~20 ms.
        setNotAntialiasedElements(thick ? QCP::aeNone : QCP::aePlottables);
        for (auto& [id, c] : runs_) {
            styleCurves(c);
        }
    }
}

QCPGraph* RunPlot::primaryGraph(const Curves& c) const {
    return showsTrain() ? c.train : c.test;
}

void RunPlot::refreshLegend() {
    legend->clearItems();
    for (auto& [id, c] : runs_) {
        if (c.visible) {
            primaryGraph(c)->addToLegend(legend);
        }
    }
    // An empty legend would still draw its frame.
    legend->setVisible(legendShown_ && legend->itemCount() > 0);
}

void RunPlot::refreshAxes() {
    yAxis->setLabel(metricAxisLabel(metric_));
    if (logY_) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        yAxis->setTicker(ticker);
        yAxis->setNumberFormat(QStringLiteral("gb"));
        yAxis->setNumberPrecision(0);
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        yAxis->setNumberFormat(QStringLiteral("g"));
        yAxis->setNumberPrecision(6);
    }
}

void RunPlot::fitToData() {
    double lastEpoch = 1.0;
    Range values;
    for (const auto& [id, c] : runs_) {
        if (!c.visible) {
            continue;
        }
        lastEpoch = std::max(lastEpoch, static_cast<double>(c.plannedEpochs));
        for (const Extent* e :
             {showsTrain() ? &c.trainExtent : nullptr, showsTest() ? &c.testExtent : nullptr}) {
            if (e == nullptr || e->count == 0) {
                continue;
            }
            lastEpoch = std::max(lastEpoch, e->lastKey);
            values.include(e->low);
            values.include(e->high);
        }
    }
    xAxis->setRange(0, lastEpoch);
    const bool percent = !metricUnit(metric_).isEmpty();
    if (!values.valid()) {
        yAxis->setRange(logY_ ? QCPRange(0.01, 10) : QCPRange(0, percent ? 100 : 1));
        return;
    }
    if (logY_) {
        const double low = values.low / 1.5;
        const double high = std::max(values.high * 1.5, low * 10);
        yAxis->setRange(low, high);
        return;
    }
    double low = std::min(0.0, values.low);
    double high = values.high > low ? values.high + 0.05 * (values.high - low) : low + 1.0;
    if (percent) {
        high = std::min(high, 100.0);
        if (high <= low) {
            high = low + 1.0;
        }
    }
    yAxis->setRange(low, high);
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
        for (QCPGraph* g : std::initializer_list<QCPGraph*>{c.train, c.test}) {
            if (!g->visible() || g->data()->isEmpty()) {
                continue;
            }
            auto it = g->data()->findBegin(key, false);
            if (it == g->data()->constEnd()) {
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
                           .arg(split, metricValueName(metric_), compact(it->value, 4),
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

QCPGraph* RunPlot::trainGraph(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : it->second.train;
}

QCPGraph* RunPlot::testGraph(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() || !metricHasTestSeries(metric_) ? nullptr : it->second.test;
}

std::vector<std::pair<int, QString>> RunPlot::lrMarkers(core::RunId id) const {
    std::vector<std::pair<int, QString>> markers;
    const auto it = runs_.find(id);
    if (it == runs_.end()) {
        return markers;
    }
    const QCPItemTracer* tracer = nullptr;
    for (const QCPAbstractItem* item : it->second.markers) {
        if (const auto* t = qobject_cast<const QCPItemTracer*>(item)) {
            tracer = t;
        } else if (const auto* text = qobject_cast<const QCPItemText*>(item); text && tracer) {
            markers.emplace_back(static_cast<int>(tracer->graphKey()), text->text());
        }
    }
    return markers;
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

void RunPlot::replotNow() {
    const auto start = std::chrono::steady_clock::now();
    replot(QCustomPlot::rpQueuedRefresh);
    lastReplotEnd_ = std::chrono::steady_clock::now();
    lastReplotMs_ = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(lastReplotEnd_ - start).count());
}

}  // namespace lrscope::ui
