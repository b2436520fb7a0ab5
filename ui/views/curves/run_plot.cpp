// The curves side of RunPlot: runs, their points, pens, markers and divergence crosses.
// run_plot_view.cpp holds axes, following, the legend, notes, hover and replot pacing.
#include "ui/views/curves/run_plot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/number_format.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_marker.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/curve_cache.hpp"
#include "ui/views/curves/epoch_ticker.hpp"
#include "ui/widgets/plot_look.hpp"

namespace lrscope::ui {

namespace {

// Pens: wide pens cost far more to draw (dashed ones ~50x), so test curves are always 1 px
// and train curves are 2 px and antialiased only while the plot holds few points.
constexpr double kThickPen = 2.0;
// Added to a highlighted run's lines: heavy enough to find among 20 curves.
constexpr double kHighlightExtraWidth = 1.5;
constexpr double kThinPen = 1.0;
constexpr long kThickPenPointLimit = 40'000;
// While following a loss plot on a linear axis, a curve counts up to this multiple of its
// first value: a diverging run shoots out of view instead of flattening every other curve.
constexpr double kLossFollowCap = 3.0;
constexpr double kLossFollowCapLog = 1000.0;  // the same on a log axis: three decades
// How far a smoothed curve's raw values fade towards white behind it.
constexpr double kRawFade = 0.7;

QColor faded(const QColor& colour) {
    const auto fade = [](int channel) {
        return static_cast<int>(std::lround(channel + (255 - channel) * kRawFade));
    };
    return QColor(fade(colour.red()), fade(colour.green()), fade(colour.blue()));
}

}  // namespace

RunPlot::RunPlot(const RunStore& store, PlotMetric metric, QWidget* parent)
    : QCustomPlot(parent), metric_(metric), store_(store) {
    replotTimer_.setSingleShot(true);
    connect(&replotTimer_, &QTimer::timeout, this, &RunPlot::replotNow);
    setPlottingHints(QCP::phCacheLabels | QCP::phFastPolylines);
    // Raw curves behind smoothed ones are drawn first, under every curve; in replots the cache
    // below them draws them all.
    addLayer(QStringLiteral("raw"), layer(QStringLiteral("main")), QCustomPlot::limBelow);
    addLayer(QStringLiteral("curve cache"), layer(QStringLiteral("raw")), QCustomPlot::limBelow);
    cache_ = new CurveCache(this, QStringLiteral("curve cache"), [this] { return mReplotting; });
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    setMouseTracking(true);
    xAxis->setLabel(tr("Epoch"));
    xAxis->setTicker(QSharedPointer<EpochTicker>::create());
    xAxis->setRange(0, 10);
    yAxis->setRange(0, 1);
    applyLightGrid(*this);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setBasePen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setTickPen(QPen(QColor(0x60, 0x60, 0x60), 0));
        axis->setSubTickPen(QPen(QColor(0x90, 0x90, 0x90), 0));
    }
    legend->setVisible(true);
    applyCompactLegend(*this);
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
    connect(&store_, &RunStore::runAdded, this, &RunPlot::addRun);
    connect(&store_, &RunStore::recordsAppended, this, &RunPlot::appendRecords);
    connect(&store_, &RunStore::runChanged, this, &RunPlot::onRunChanged);
    connect(&store_, &RunStore::runRemoved, this, &RunPlot::removeRun);
    connect(&store_, &RunStore::cleared, this, &RunPlot::clearRuns);
    for (const Run& run : store_.runs()) {
        addRun(run.id);
    }
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

bool RunPlot::isHighlighted(const Curves& c) const {
    return std::any_of(highlighted_.begin(), highlighted_.end(), [this, &c](core::RunId id) {
        const auto it = runs_.find(id);
        return it != runs_.end() && &it->second == &c;
    });
}

void RunPlot::setHighlighted(std::vector<core::RunId> ids) {
    if (ids == highlighted_) {
        return;
    }
    highlighted_ = std::move(ids);
    for (auto& [id, c] : runs_) {
        styleCurves(c);
    }
    requestReplot();
}

void RunPlot::styleCurves(Curves& c) {
    const double extra = isHighlighted(c) ? kHighlightExtraWidth : 0.0;
    QPen solid(c.colour, (thickPens_ ? kThickPen : kThinPen) + extra);
    c.train->setPen(solid);
    c.train->setVisible(c.visible && showsTrain());
    if (c.test != nullptr) {
        QPen dashed(c.colour, kThinPen + extra, Qt::DashLine);
        c.test->setPen(dashed);
        c.test->setVisible(c.visible && showsTest());
    }
    // Runs that share a colour (the palette repeated) carry a marker on both curves, so
    // solid = train and dashed = test still hold for them.
    const QCPScatterStyle marker = runMarker(c.styleCycle, c.colour);
    const int skip = markerSkip(std::max(c.plannedEpochs, static_cast<int>(c.recordCount)) + 1);
    for (CurveGraph* g : {c.train, c.test}) {
        if (g != nullptr) {
            g->setScatterStyle(marker);
            g->setScatterSkip(skip);
        }
    }
    for (CurveGraph* raw : {c.trainRaw, c.testRaw}) {
        if (raw != nullptr) {
            raw->setPen(QPen(faded(c.colour), kThinPen));
            raw->setVisible(c.visible && (raw == c.trainRaw ? showsTrain() : showsTest()));
        }
    }
    QCPScatterStyle cross(QCPScatterStyle::ssCross, QPen(c.colour, 2.5), Qt::NoBrush, 13);
    c.divergence->setScatterStyle(cross);
    c.divergence->setVisible(c.visible && c.divergedAt.has_value());
    if (c.divergenceLabel != nullptr) {
        c.divergenceLabel->setColor(c.colour.darker(115));
        c.divergenceLabel->setVisible(c.visible && c.divergedAt.has_value() &&
                                      !c.divergence->data()->isEmpty());
    }
    if (c.clipMark != nullptr) {
        c.clipMark->setColor(c.colour.darker(115));
    }
    for (QCPAbstractItem* item : c.markers) {
        item->setVisible(c.visible);
        if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
            tracer->setPen(QPen(c.colour, 1.5));
        } else if (auto* text = qobject_cast<QCPItemText*>(item)) {
            text->setColor(c.colour.darker(115));
        }
    }
}

void RunPlot::addRun(core::RunId id) {
    const Run* run = store_.run(id);
    if (run == nullptr || runs_.count(id) != 0) {
        return;
    }
    Curves c;
    c.colour = run->colour;
    c.styleCycle = run->styleCycle;
    c.label = legendLabel(*run);
    c.visible = run->visible;
    c.plannedEpochs = run->config.epochs;
    c.train = newGraph();
    c.test = newGraph();
    c.divergence = addGraph();
    c.divergence->setLineStyle(QCPGraph::lsNone);
    for (QCPGraph* g : std::initializer_list<QCPGraph*>{c.train, c.test, c.divergence}) {
        g->setName(c.label);
        g->removeFromLegend();
        g->setSelectable(QCP::stNone);
    }
    Curves& added = runs_.emplace(id, std::move(c)).first->second;
    resetSeries(id, added);
    styleCurves(added);
    if (!run->history.empty()) {
        appendRecords(id, 0, static_cast<int>(run->history.size()));
    }
    if (!run->importedPoints.empty()) {
        // The plot's note then says only that this metric has nothing to draw.
        added.recordCount += static_cast<long>(run->importedPoints.size());
        added.hasClassLabels = true;
    }
    if (run->divergedAt) {
        added.divergedAt = run->divergedAt;
        placeDivergence(added);
    }
    refreshNote();
    refreshLegend();
    if (follow_) {
        fitToData();
    }
    requestReplot();
}

CurveGraph* RunPlot::newGraph() {
    auto* graph = new CurveGraph(xAxis, yAxis);
    graph->setAdaptiveSampling(true);
    graph->setCache(cache_);
    return graph;
}

void RunPlot::resetSeries(core::RunId id, Curves& c) {
    // The graphs let go of the old series before they go.
    for (CurveGraph* g : {c.train, c.test, c.trainRaw, c.testRaw}) {
        if (g != nullptr) {
            g->setPoints(nullptr);
        }
    }
    RunSeries::Options options;
    options.metric = metric_;
    options.logY = logY_;
    options.smoothing = smoothing_;
    options.followCap = followCap();
    c.trainSeries = std::make_unique<RunSeries>(store_, id, options);
    options.split = Split::Test;
    c.testSeries = std::make_unique<RunSeries>(store_, id, options);
    c.train->setPoints(&c.trainSeries->shown());
    c.test->setPoints(&c.testSeries->shown());
    for (CurveGraph** raw : {&c.trainRaw, &c.testRaw}) {
        if (smoothing_ > 0.0 && *raw == nullptr) {
            *raw = newGraph();
            (*raw)->setLayer(QStringLiteral("raw"));
            (*raw)->removeFromLegend();
            (*raw)->setSelectable(QCP::stNone);
        } else if (smoothing_ == 0.0 && *raw != nullptr) {
            removeGraph(*raw);
            *raw = nullptr;
        }
    }
    if (c.trainRaw != nullptr) {
        c.trainRaw->setPoints(c.trainSeries->raw());
        c.testRaw->setPoints(c.testSeries->raw());
    }
}

void RunPlot::addMarkers(Curves& c, const core::EpochRecord* records, std::size_t count) {
    bool added = false;
    for (std::size_t i = 0; i < count; ++i) {
        if (records[i].lrChangedTo) {
            addMarker(c, records[i]);
            added = true;
        }
    }
    if (added) {
        styleCurves(c);
    }
}

void RunPlot::placeMarker(const Curves& c, QCPItemTracer* tracer) const {
    // Where a tracer on the curve would sit; the curve's graph holds no points to attach it to.
    if (const auto point = primaryGraph(c)->nearestPoint(tracer->graphKey())) {
        tracer->position->setCoords(point->key, point->value);
    }
}

void RunPlot::addMarker(Curves& c, const core::EpochRecord& record) {
    if (primaryGraph(c)->isEmpty()) {
        return;  // nothing of this run is drawn here (e.g. no success rate for a regression)
    }
    auto* tracer = new QCPItemTracer(this);
    tracer->setGraphKey(record.epoch);
    placeMarker(c, tracer);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setSize(8);
    tracer->setBrush(Qt::white);
    auto* text = new QCPItemText(this);
    text->position->setParentAnchor(tracer->position);
    text->position->setCoords(0, -8);
    text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    text->setText(QStringLiteral("lr→%1").arg(compactNumber(*record.lrChangedTo)));
    text->setBrush(QColor(255, 255, 255, 200));
    text->setPadding(QMargins(2, 0, 2, 0));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    text->setFont(small);
    c.markers.push_back(tracer);
    c.markers.push_back(text);
}

double RunPlot::followCap() const {
    return metric_ != PlotMetric::Loss ? std::numeric_limits<double>::infinity()
           : logY_                     ? kLossFollowCapLog
                                       : kLossFollowCap;
}

void RunPlot::appendRecords(core::RunId id, int first, int count) {
    const auto it = runs_.find(id);
    const Run* run = store_.run(id);
    if (it == runs_.end() || run == nullptr || count <= 0 ||
        static_cast<std::size_t>(first + count) > run->history.size()) {
        return;
    }
    Curves& c = it->second;
    const core::EpochRecord* records = run->history.data() + first;
    const core::EpochRecord& last = records[count - 1];
    c.recordCount += count;
    c.hasClassLabels = c.hasClassLabels || last.trainError.has_value();
    c.hasTestSplit = c.hasTestSplit || last.testLoss.has_value();
    const bool hadPoints = !primaryGraph(c)->isEmpty();
    c.trainSeries->update();
    c.testSeries->update();
    addMarkers(c, records, static_cast<std::size_t>(count));
    if (!hadPoints && !primaryGraph(c)->isEmpty() && first > 0) {
        // Rate changes that came while this plot had nothing of the run to mark them on.
        addMarkers(c, run->history.data(), static_cast<std::size_t>(first));
    }
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
    if (c.divergedAt) {
        // The cross sits where the curve ends, or at the top of the followed range when the
        // curve shot out of it, so it stays in view.
        if (const auto last = primaryGraph(c)->lastValuedPoint()) {
            const double y = std::min(last->value, primarySeries(c).extent().high);
            c.divergence->addData(last->key, y);
            if (c.divergenceLabel == nullptr) {
                c.divergenceLabel = new QCPItemText(this);
                c.divergenceLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
                c.divergenceLabel->setPadding(QMargins(9, 0, 0, 5));
                QFont small = font();
                small.setPointSizeF(small.pointSizeF() * 0.85);
                c.divergenceLabel->setFont(small);
                c.divergenceLabel->setSelectable(false);
            }
            c.divergenceLabel->position->setCoords(last->key, y);
            c.divergenceLabel->setText(tr("diverged @ %1").arg(*c.divergedAt));
        }
    }
    styleCurves(c);
}

void RunPlot::onRunChanged(core::RunId id, unsigned what) {
    const auto it = runs_.find(id);
    const Run* run = store_.run(id);
    if (it == runs_.end() || run == nullptr) {
        return;
    }
    Curves& c = it->second;
    if ((what & RunStore::State) != 0U && run->divergedAt && !c.divergedAt) {
        c.divergedAt = run->divergedAt;
        placeDivergence(c);
    }
    const QString label = legendLabel(*run);
    if (label != c.label) {
        c.label = label;
        for (QCPGraph* g : std::initializer_list<QCPGraph*>{c.train, c.test, c.divergence}) {
            g->setName(label);
        }
    }
    const bool visibilityChanged = c.visible != run->visible;
    c.plannedEpochs = run->config.epochs;  // a continued run plans more
    c.colour = run->colour;
    c.styleCycle = run->styleCycle;
    c.visible = run->visible;
    styleCurves(c);
    refreshLegend();
    if (visibilityChanged) {
        refreshNote();
    }
    // A finished run no longer needs room to grow.
    if (follow_ && (visibilityChanged || (what & RunStore::State) != 0U)) {
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
    for (QCPAbstractItem* item :
         std::initializer_list<QCPAbstractItem*>{it->second.divergenceLabel, it->second.clipMark}) {
        if (item != nullptr) {
            removeItem(item);
        }
    }
    for (CurveGraph* raw : {it->second.trainRaw, it->second.testRaw}) {
        if (raw != nullptr) {
            removeGraph(raw);
        }
    }
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

void RunPlot::rebuild(core::RunId id, Curves& c) {
    for (QCPAbstractItem* item : c.markers) {
        removeItem(item);
    }
    c.markers.clear();
    resetSeries(id, c);
    if (const Run* run = store_.run(id); run != nullptr) {
        addMarkers(c, run->history.data(), run->history.size());
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

long RunPlot::pointCount() const {
    long count = 0;
    for (const auto& [id, c] : runs_) {
        for (const CurveGraph* g : {c.train, c.test, c.trainRaw, c.testRaw}) {
            count += g == nullptr ? 0 : static_cast<long>(g->pointCount());
        }
    }
    return count;
}

void RunPlot::updatePens() {
    const bool thick = pointCount() < kThickPenPointLimit;
    if (thick != thickPens_) {
        thickPens_ = thick;
        // Many points: plain 1 px lines without antialiasing keep a replot under ~20 ms.
        setNotAntialiasedElements(thick ? QCP::aeNone : QCP::aePlottables);
        for (auto& [id, c] : runs_) {
            styleCurves(c);
        }
    }
}

CurveGraph* RunPlot::primaryGraph(const Curves& c) const {
    return showsTrain() ? c.train : c.test;
}

const RunSeries& RunPlot::primarySeries(const Curves& c) const {
    return showsTrain() ? *c.trainSeries : *c.testSeries;
}

CurveGraph* RunPlot::trainGraph(core::RunId id) const {
    const auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : it->second.train;
}

CurveGraph* RunPlot::testGraph(core::RunId id) const {
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

std::vector<core::RunId> RunPlot::clippedRuns() const {
    std::vector<core::RunId> ids;
    for (const auto& [id, c] : runs_) {
        if (c.clipMark != nullptr && c.clipMark->visible()) {
            ids.push_back(id);
        }
    }
    return ids;
}

}  // namespace lrscope::ui
