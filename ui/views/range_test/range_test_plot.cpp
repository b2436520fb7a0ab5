#include "ui/views/range_test/range_test_plot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/runs/run_labels.hpp"
#include "ui/widgets/plot_look.hpp"

namespace lrscope::ui {

namespace {

struct SuggestionStyle {
    const char* name;
    QColor colour;
    QCPScatterStyle::ScatterShape shape;
};

// One dark ink for all three marks, apart from every run colour (tests are drawn in the run
// palette); a shape each and the label tell them apart, in print too.
const QColor kMarkInk(0x33, 0x33, 0x33);
const SuggestionStyle kStyles[] = {
    {"valley", kMarkInk, QCPScatterStyle::ssDisc},
    {"steep", kMarkInk, QCPScatterStyle::ssTriangle},
    {"minimum", kMarkInk, QCPScatterStyle::ssSquare},
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
    yAxis->setLabel(tr("Loss"));
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    xAxis->setTicker(ticker);
    xAxis->setNumberFormat(QStringLiteral("eb"));
    xAxis->setNumberPrecision(0);
    xAxis->setRange(1e-7, 10);
    yAxis->setRange(0, 1);
    applyLightGrid(*this);
    legend->setVisible(true);  // an empty legend draws nothing; hidden, it collapses the layout
    applyCompactLegend(*this);
    // The legend is a row above the plot: a short plot in a dock has no free corner.
    putLegendAbove(*this, 2);
    note_->setPositionAlignment(Qt::AlignCenter);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.4);
    note_->setTextAlignment(Qt::AlignCenter);
    note_->setColor(QColor(0x60, 0x60, 0x60));
    note_->setClipToAxisRect(false);
    // Label rows depend on the plot's size in pixels: placed after every layout, just before
    // drawing.
    connect(this, &QCustomPlot::afterLayout, this, &RangeTestPlot::placeLabels);
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
    labels_.clear();
    legend->clearItems();
    fitAxes(tests);
    // The raw loss may shoot far above the view before the test stops: drawn clamped to a
    // band around it, so no figure holds coordinates a PDF reader cannot take.
    const double span = yAxis->range().size();
    const double rawLow = yAxis->range().lower - 10.0 * span;
    const double rawHigh = yAxis->range().upper + 10.0 * span;

    // Tests that swept different ranges say so in the legend.
    const bool rangesDiffer = std::any_of(tests.begin(), tests.end(), [&](const RangeTestCurve& t) {
        const auto& a = t.settings;
        const auto& b = tests.front().settings;
        return a.startLr != b.startLr || a.endLr != b.endLr || a.iterations != b.iterations;
    });
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
            raw_->setName(tests.size() > 1 ? tr("raw batch loss (now)") : tr("raw batch loss"));
            raw_->removeFromLegend();  // listed after its smoothed curve, drawn behind it
        }
        QCPGraph* graph = addGraph();
        graph->setPen(current ? QPen(test.colour, 2.5) : QPen(faded(test.colour, 110), 1.5));
        graph->setData(lr, smoothed, true);
        QString name = test.label;
        if (rangesDiffer) {
            name +=
                QStringLiteral(" · %1→%2 ×%3")
                    .arg(compactNumber(test.settings.startLr), compactNumber(test.settings.endLr))
                    .arg(test.settings.iterations);
        }
        graph->setName(current && tests.size() > 1 ? tr("%1  (now)").arg(name) : name);
        smoothed_.push_back(graph);
        if (current) {
            raw_->addToLegend();
        }
    }

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

        // Placed in rows at the top by placeLabels() once the plot's size is known.
        auto* label = new QCPItemText(this);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(lr, 0.0);
        labels_.push_back(label);
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
    dataLow_ = lo;
    dataHigh_ = hi;
    fitY(0.06);
}

void RangeTestPlot::fitY(double topFraction) {
    if (!std::isfinite(dataLow_) || !std::isfinite(dataHigh_)) {
        return;
    }
    const double span =
        dataHigh_ > dataLow_ ? dataHigh_ - dataLow_ : std::max(0.05 * std::abs(dataHigh_), 1e-3);
    const double lower = dataLow_ - 0.06 * span;
    const double upper = dataHigh_ + 0.03 * span;
    yAxis->setRange(lower, upper + (upper - lower) * topFraction / (1.0 - topFraction));
}

void RangeTestPlot::placeLabels() {
    const QRect rect = axisRect()->rect();
    if (labels_.empty() || rect.height() <= 0) {
        return;
    }
    // Each label goes right of its line (left of it near the right edge), in the first row
    // from the top where it overlaps no other label; the y range then leaves those rows free.
    const int rowHeight = QFontMetrics(labels_.front()->font()).height() + 4;
    std::vector<std::vector<std::pair<double, double>>> rows;
    std::vector<QCPItemText*> byX = labels_;
    std::sort(byX.begin(), byX.end(), [](const QCPItemText* a, const QCPItemText* b) {
        return a->position->coords().x() < b->position->coords().x();
    });
    for (QCPItemText* label : byX) {
        const double x = xAxis->coordToPixel(label->position->coords().x());
        const double width = QFontMetrics(label->font()).horizontalAdvance(label->text()) + 8.0;
        const bool leftOfLine = x + width > rect.right();
        label->setPositionAlignment(leftOfLine ? (Qt::AlignRight | Qt::AlignTop)
                                               : (Qt::AlignLeft | Qt::AlignTop));
        const std::pair<double, double> span =
            leftOfLine ? std::pair{x - width, x} : std::pair{x, x + width};
        std::size_t row = 0;
        while (row < rows.size() &&
               std::any_of(rows[row].begin(), rows[row].end(), [&](const auto& other) {
                   return span.first < other.second + 4.0 && other.first < span.second + 4.0;
               })) {
            ++row;
        }
        if (row == rows.size()) {
            rows.emplace_back();
        }
        rows[row].push_back(span);
        label->position->setCoords(label->position->coords().x(),
                                   (2.0 + static_cast<double>(row) * rowHeight) / rect.height());
    }
    const double used = (4.0 + static_cast<double>(rows.size()) * rowHeight) / rect.height();
    fitY(std::min(0.5, used + 0.02));
}

}  // namespace lrscope::ui
