#include "ui/views/range_test/range_test_plot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

namespace {

struct SuggestionStyle {
    const char* name;
    QColor colour;
    QCPScatterStyle::ScatterShape shape;
};

// Fixed colours apart from the run palette's first colours, and a shape each, so the three
// marks read apart in print too.
const SuggestionStyle kStyles[] = {
    {"valley", QColor(0x1B, 0x9E, 0x77), QCPScatterStyle::ssDisc},
    {"steep", QColor(0xD9, 0x5F, 0x02), QCPScatterStyle::ssTriangle},
    {"minimum", QColor(0x75, 0x70, 0xB3), QCPScatterStyle::ssSquare},
};

QColor faded(QColor colour, int alpha) {
    colour.setAlpha(alpha);
    return colour;
}

// The smoothed loss at `lr`, interpolated in ln(lr) between the recorded points.
std::optional<double> smoothedAt(const std::vector<core::RangeTestPoint>& points, double lr) {
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const auto& a = points[i];
        const auto& b = points[i + 1];
        if (lr >= a.lr && lr <= b.lr) {
            const double t = (std::log(lr) - std::log(a.lr)) / (std::log(b.lr) - std::log(a.lr));
            return a.smoothedLoss + t * (b.smoothedLoss - a.smoothedLoss);
        }
    }
    if (!points.empty() && lr == points.front().lr) {
        return points.front().smoothedLoss;
    }
    return std::nullopt;
}

}  // namespace

RangeTestPlot::RangeTestPlot(QWidget* parent) : QCustomPlot(parent), note_(new QCPItemText(this)) {
    setPlottingHints(QCP::phCacheLabels);
    xAxis->setLabel(tr("Learning rate (log scale)"));
    yAxis->setLabel(tr("Smoothed loss"));
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    xAxis->setTicker(ticker);
    xAxis->setNumberFormat(QStringLiteral("eb"));
    xAxis->setNumberPrecision(0);
    xAxis->setRange(1e-7, 10);
    yAxis->setRange(0, 1);
    const QColor grid(0xE3, 0xE3, 0xE3);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setPen(QPen(grid, 0));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    legend->setVisible(false);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    legend->setFont(legendFont);
    legend->setBrush(QColor(255, 255, 255, 225));
    legend->setBorderPen(QPen(QColor(0xC8, 0xC8, 0xC8), 0));
    legend->setRowSpacing(-2);
    // The loss starts high on the left and rises again on the right: the lower left is free.
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    note_->setPositionAlignment(Qt::AlignCenter);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.4);
    note_->setTextAlignment(Qt::AlignCenter);
    note_->setColor(QColor(0x60, 0x60, 0x60));
    note_->setClipToAxisRect(false);
    setTests({});
}

void RangeTestPlot::setEmptyMessage(const QString& message) {
    emptyMessage_ = message;
    if (smoothed_.empty()) {
        note_->setText(emptyMessage_);
        note_->setVisible(!emptyMessage_.isEmpty());
        replot(rpQueuedReplot);
    }
}

QString RangeTestPlot::noteText() const {
    return note_->visible() ? note_->text() : QString();
}

QCPGraph* RangeTestPlot::smoothedGraph(std::size_t test) const {
    return test < smoothed_.size() ? smoothed_[test] : nullptr;
}

void RangeTestPlot::setTests(const std::vector<RangeTestCurve>& tests) {
    clearGraphs();
    for (int i = itemCount() - 1; i >= 0; --i) {
        if (item(i) != note_) {
            removeItem(i);
        }
    }
    smoothed_.clear();
    raw_ = nullptr;
    marks_.clear();
    legend->clearItems();
    fitAxes(tests);
    // The raw loss may shoot far above the view before the test stops: drawn clamped to a
    // band around it, so no figure holds coordinates a PDF reader cannot take.
    const double span = yAxis->range().size();
    const double rawLow = yAxis->range().lower - 10.0 * span;
    const double rawHigh = yAxis->range().upper + 10.0 * span;

    for (std::size_t i = 0; i < tests.size(); ++i) {
        const RangeTestCurve& test = tests[i];
        const bool current = i + 1 == tests.size();
        QVector<double> lr, smoothed, raw;
        for (const core::RangeTestPoint& point : test.points) {
            lr << point.lr;
            smoothed << point.smoothedLoss;
            raw << std::clamp(point.loss, rawLow, rawHigh);
        }
        if (current) {
            raw_ = addGraph();
            raw_->setPen(QPen(faded(test.colour, 70), 1.0));
            raw_->setData(lr, raw, true);
            raw_->removeFromLegend();
        }
        QCPGraph* graph = addGraph();
        graph->setPen(current ? QPen(test.colour, 2.5) : QPen(faded(test.colour, 110), 1.5));
        graph->setData(lr, smoothed, true);
        graph->setName(current && tests.size() > 1 ? tr("%1  (now)").arg(test.label) : test.label);
        smoothed_.push_back(graph);
    }
    legend->setVisible(!tests.empty());

    if (tests.empty()) {
        note_->setText(emptyMessage_);
        note_->setVisible(!emptyMessage_.isEmpty());
    } else {
        const RangeTestCurve& current = tests.back();
        note_->setVisible(false);
        if (current.finished) {
            markSuggestions(current);
        }
    }
    alignLabels();
    replot(rpQueuedReplot);
}

void RangeTestPlot::markSuggestions(const RangeTestCurve& current) {
    const core::LrSuggestions& s = current.suggestions;
    if (!s.valley) {
        note_->setText(tr("No suggested rate: %1").arg(QString::fromStdString(s.reason)));
        note_->setVisible(true);
        return;
    }
    const std::optional<double> values[] = {s.valley, s.steep, s.minimum};
    for (int row = 0; row < 3; ++row) {
        const SuggestionStyle& style = kStyles[row];
        const double lr = *values[row];
        marks_.push_back({QString::fromLatin1(style.name), lr});

        auto* line = new QCPItemLine(this);
        line->setPen(QPen(style.colour, 1.0, Qt::DashLine));
        for (QCPItemPosition* end : {line->start, line->end}) {
            end->setTypeX(QCPItemPosition::ptPlotCoords);
            end->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        line->start->setCoords(lr, 0.0);
        line->end->setCoords(lr, 1.0);

        if (const auto loss = smoothedAt(current.points, lr)) {
            QCPGraph* dot = addGraph();
            dot->setLineStyle(QCPGraph::lsNone);
            dot->setScatterStyle(QCPScatterStyle(style.shape, style.colour, style.colour, 9));
            dot->setData({lr}, {*loss});
            dot->removeFromLegend();
        }

        // One row per suggestion at the top, so labels of close rates do not overlap; a
        // label near the right edge goes left of its line.
        auto* label = new QCPItemText(this);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(lr, 0.02 + 0.075 * row);
        label->setText(
            QStringLiteral("%1 %2").arg(QString::fromLatin1(style.name), compactNumber(lr, 2)));
        label->setColor(style.colour);
        QFont bold = font();
        bold.setBold(true);
        label->setFont(bold);
        label->setBrush(QColor(255, 255, 255, 210));
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setObjectName(QStringLiteral("suggestion.%1").arg(QString::fromLatin1(style.name)));
    }
}

void RangeTestPlot::fitAxes(const std::vector<RangeTestCurve>& tests) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double lrLo = lo;
    double lrHi = hi;
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const RangeTestCurve& test = tests[i];
        lrLo = std::min(lrLo, test.settings.startLr);
        lrHi = std::max(lrHi, test.settings.endLr);
        for (const core::RangeTestPoint& p : test.points) {
            lo = std::min(lo, p.smoothedLoss);
            hi = std::max(hi, p.smoothedLoss);
            if (i + 1 == tests.size()) {
                lo = std::min(lo, p.loss);  // the raw loss dips below; its peaks may clip
            }
        }
    }
    if (std::isfinite(lrLo) && std::isfinite(lrHi) && lrLo > 0.0 && lrHi > lrLo) {
        xAxis->setRange(lrLo, lrHi);
    }
    if (std::isfinite(lo) && std::isfinite(hi)) {
        const double margin = hi > lo ? 0.06 * (hi - lo) : std::max(0.05 * std::abs(hi), 1e-3);
        // Room at the top for the suggestion labels.
        yAxis->setRange(lo - margin, hi + 3.5 * margin);
    }
}

void RangeTestPlot::alignLabels() {
    // Labels near the right edge go left of their line.
    for (int i = 0; i < itemCount(); ++i) {
        if (auto* label = qobject_cast<QCPItemText*>(item(i)); label != nullptr && label != note_) {
            const double ratio =
                (std::log(label->position->coords().x()) - std::log(xAxis->range().lower)) /
                (std::log(xAxis->range().upper) - std::log(xAxis->range().lower));
            label->setPositionAlignment(ratio > 0.8 ? (Qt::AlignRight | Qt::AlignTop)
                                                    : (Qt::AlignLeft | Qt::AlignTop));
        }
    }
}

}  // namespace lrscope::ui
