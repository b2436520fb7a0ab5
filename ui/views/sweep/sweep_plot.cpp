#include "ui/views/sweep/sweep_plot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/widgets/plot_look.hpp"
#include "ui/widgets/round_log_ticks.hpp"

namespace lrscope::ui {

namespace {

// Crosses of diverged runs sit in the band above the data, one row per group.
constexpr double kCrossTop = 0.03;
constexpr double kCrossRow = 0.075;
constexpr double kClickRadius = 9.0;

double crossRatio(int row) {
    return kCrossTop + kCrossRow * row;
}

}  // namespace

std::vector<QString> sweepGroups(const std::vector<const core::RunConfig*>& configs) {
    const std::vector<QString> differences = distinguishingSettings(configs);
    std::vector<QString> groups;
    for (std::size_t i = 0; i < configs.size(); ++i) {
        QString group = optimizerLabel(configs[i]->optimizer.kind);
        if (!differences[i].isEmpty()) {
            group += QStringLiteral(" · ") + differences[i];
        }
        groups.push_back(group);
    }
    return groups;
}

SweepPlot::SweepPlot(QWidget* parent) : QCustomPlot(parent), note_(new QCPItemText(this)) {
    setPlottingHints(QCP::phCacheLabels);
    xAxis->setLabel(tr("Learning rate (log scale)"));
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setNumberFormat(QStringLiteral("eb"));
    xAxis->setNumberPrecision(0);
    xAxis->setRange(1e-4, 1);
    yAxis->setRange(0, 1);
    applyLightGrid(*this);
    applyCompactLegend(*this);
    // A U-curve fills its plot from corner to corner: the legend goes in a row above it.
    putLegendAbove(*this, 3);
    legend->setVisible(true);  // an empty legend draws nothing; hidden, it collapses the layout
    note_->setPositionAlignment(Qt::AlignCenter);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.45);
    note_->setTextAlignment(Qt::AlignCenter);
    note_->setColor(QColor(0x60, 0x60, 0x60));
    note_->setClipToAxisRect(false);
    setMeasure(measure_);
    setRuns({});
}

void SweepPlot::setLogY(bool logY) {
    logY_ = logY;
    yAxis->setScaleType(logY ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    chooseTicks();
}

void SweepPlot::chooseTicks() {
    // Ticks for the ranges just set: QCustomPlot's log ticker puts them at fractional powers
    // (and repeats labels) over a decade or two.
    xAxis->setTicker(roundLogTicks(xAxis->range()));
    if (logY_) {
        yAxis->setTicker(roundLogTicks(yAxis->range()));
        return;
    }
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->setNumberFormat(QStringLiteral("g"));
    yAxis->setNumberPrecision(3);
}

void SweepPlot::setMeasure(core::SweepMeasure measure) {
    measure_ = measure;
    const auto title = core::measureTitle(measure);
    yAxis->setLabel(QString::fromUtf8(title.data(), static_cast<int>(title.size())));
}

void SweepPlot::setEmptyMessage(const QString& message) {
    emptyMessage_ = message;
    if (drawn_.empty()) {
        note_->setText(message);
        note_->setVisible(!message.isEmpty());
        replot(rpQueuedReplot);
    }
}

QString SweepPlot::noteText() const {
    return note_->visible() ? note_->text() : QString();
}

void SweepPlot::setRuns(const std::vector<SweepPlotRun>& runs) {
    clearGraphs();
    for (int i = itemCount() - 1; i >= 0; --i) {
        if (item(i) != note_) {
            removeItem(i);
        }
    }
    legend->clearItems();
    drawn_.clear();

    std::vector<core::SweepPoint> points;
    std::map<core::RunId, const SweepPlotRun*> byId;
    for (const SweepPlotRun& run : runs) {
        points.push_back({static_cast<std::size_t>(run.id), run.group.toStdString(), run.lr,
                          run.value, run.divergedAt});
        byId[run.id] = &run;
    }
    curves_ = core::sweepCurves(points);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (std::size_t row = 0; row < curves_.size(); ++row) {
        const core::SweepCurve& curve = curves_[row];
        const QColor colour = runColour(static_cast<int>(row));
        QVector<double> lr, value, liveLr, liveValue;
        for (const core::SweepPoint& p : curve.points) {
            const SweepPlotRun& run = *byId.at(static_cast<core::RunId>(p.run));
            if (p.divergedAt) {
                auto* cross = new QCPItemText(this);
                cross->position->setTypeX(QCPItemPosition::ptPlotCoords);
                cross->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
                cross->position->setCoords(p.lr, crossRatio(static_cast<int>(row)));
                cross->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
                cross->setText(QStringLiteral("✕ @%1").arg(*p.divergedAt));
                cross->setColor(colour);
                cross->setFont(small);
                cross->setClipToAxisRect(false);
                drawn_.push_back({run.id, p.lr, std::nullopt, static_cast<int>(row)});
                continue;
            }
            if (!p.value || (logY_ && *p.value <= 0.0)) {
                continue;  // nothing recorded yet, no such value (no test split), or 0 on log
            }
            lr << p.lr;
            value << *p.value;
            if (!run.finished) {
                liveLr << p.lr;
                liveValue << *p.value;
            }
            drawn_.push_back({run.id, p.lr, p.value, static_cast<int>(row)});
        }
        QCPGraph* line = addGraph();
        line->setPen(QPen(colour, 2.0));
        line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 7));
        line->setData(lr, value, true);
        QString name = curve.group.empty() ? tr("runs") : QString::fromStdString(curve.group);
        if (curve.best) {
            const core::SweepPoint& best = curve.points[*curve.best];
            name += tr("  best lr %1 (%2)").arg(compactNumber(best.lr), compactNumber(*best.value));
            QCPGraph* star = addGraph();
            star->setLineStyle(QCPGraph::lsNone);
            star->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssStar, QPen(colour, 2.0), Qt::NoBrush, 17));
            star->setData({best.lr}, {*best.value});
            star->removeFromLegend();
        }
        line->setName(name);
        if (!liveLr.isEmpty()) {
            QCPGraph* live = addGraph();
            live->setLineStyle(QCPGraph::lsNone);
            live->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 9));
            live->setData(liveLr, liveValue, true);
            live->removeFromLegend();
        }
    }
    if (drawn_.empty()) {
        note_->setText(runs.empty()
                           ? emptyMessage_
                           : tr("No run of the sweep has a %1 yet.").arg(yAxis->label().toLower()));
        note_->setVisible(!note_->text().isEmpty());
    } else {
        note_->setVisible(false);
    }
    fitAxes(runs);
    chooseTicks();
    replot(rpQueuedReplot);
}

void SweepPlot::fitAxes(const std::vector<SweepPlotRun>& runs) {
    double lrLo = std::numeric_limits<double>::infinity();
    double lrHi = -lrLo;
    for (const SweepPlotRun& run : runs) {
        lrLo = std::min(lrLo, run.lr);
        lrHi = std::max(lrHi, run.lr);
    }
    if (std::isfinite(lrLo) && lrLo > 0.0) {
        // Half a decade of room either side keeps the end points and their labels inside.
        xAxis->setRange(lrLo / 3.0, lrHi * 3.0);
    }
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const Drawn& d : drawn_) {
        if (d.value && (!logY_ || *d.value > 0.0)) {
            lo = std::min(lo, *d.value);
            hi = std::max(hi, *d.value);
        }
    }
    if (!std::isfinite(lo)) {
        yAxis->setRange(logY_ ? 1e-3 : 0.0, 1.0);
        return;
    }
    // The band above the data holds the crosses of diverged runs, one row per group.
    const bool crosses =
        std::any_of(drawn_.begin(), drawn_.end(), [](const Drawn& d) { return !d.value; });
    const double top = crosses ? crossRatio(static_cast<int>(curves_.size())) + 0.02 : 0.06;
    if (logY_) {
        // The same margins, in decades.
        const double low = std::log10(lo);
        const double high = std::log10(hi);
        const double span = high > low ? high - low : 0.5;
        const double lower = low - 0.08 * span;
        const double upper = high + 0.03 * span;
        yAxis->setRange(std::pow(10.0, lower),
                        std::pow(10.0, upper + (upper - lower) * top / (1.0 - top)));
        return;
    }
    const double span = hi > lo ? hi - lo : std::max(std::abs(hi) * 0.1, 1e-3);
    const double lower = lo >= 0.0 ? std::max(0.0, lo - 0.08 * span) : lo - 0.08 * span;
    const double upper = hi + 0.03 * span;
    yAxis->setRange(lower, upper + (upper - lower) * top / (1.0 - top));
}

std::optional<QPointF> SweepPlot::pixelOf(core::RunId id) const {
    for (const Drawn& d : drawn_) {
        if (d.id != id) {
            continue;
        }
        const double x = xAxis->coordToPixel(d.lr);
        if (d.value) {
            return QPointF(x, yAxis->coordToPixel(*d.value));
        }
        const QRect rect = axisRect()->rect();
        // The cross glyph's middle, a little below the top of its text.
        return QPointF(x, rect.top() + crossRatio(d.row) * rect.height() + 6.0);
    }
    return std::nullopt;
}

core::RunId SweepPlot::runAt(const QPointF& pixel) const {
    core::RunId best = 0;
    double bestDistance = kClickRadius;
    for (const Drawn& d : drawn_) {
        const auto at = pixelOf(d.id);
        const double distance = std::hypot(at->x() - pixel.x(), at->y() - pixel.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = d.id;
        }
    }
    return best;
}

void SweepPlot::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (const core::RunId id = runAt(event->position()); id != 0) {
            emit runClicked(id);
        }
    }
    QCustomPlot::mousePressEvent(event);
}

}  // namespace lrscope::ui
