// CurveGraph draws points it reads from a CurvePoints and holds none of them. Where QCustomPlot
// draws, the picture is the one a QCPGraph holding the same points draws, pixel for pixel; dense
// curves take the column path, which must ink what QCustomPlot's own line drawing covers, and
// step aside where it would not.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <QImage>
#include <QTest>

#include "ui/views/curves/curve_graph.hpp"

using namespace lrscope;

namespace {

const QColor kInk(200, 0, 0);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Entries held in two vectors; an entry without a value is no point.
class VectorPoints : public ui::CurvePoints {
public:
    void add(double key, std::optional<double> value) {
        keys_.push_back(key);
        values_.push_back(value);
        points_ += value ? 1U : 0U;
    }
    std::size_t entryCount() const override { return keys_.size(); }
    double keyOf(std::size_t entry) const override { return keys_[entry]; }
    void read(std::size_t first, std::size_t count, double* keys, double* values) const override {
        for (std::size_t i = 0; i < count; ++i) {
            const auto& value = values_[first + i];
            keys[i] = value ? keys_[first + i] : kNaN;
            values[i] = value.value_or(0.0);
        }
    }
    std::size_t pointCount() const override { return points_; }

private:
    std::vector<double> keys_;
    std::vector<std::optional<double>> values_;
    std::size_t points_ = 0;
};

// A bare plot holding one curve, either a CurveGraph reading `points` or a QCPGraph holding
// the same points.
struct Figure {
    std::unique_ptr<VectorPoints> points = std::make_unique<VectorPoints>();
    std::unique_ptr<QCustomPlot> plot = std::make_unique<QCustomPlot>();

    QCPGraph* graph() const { return plot->graph(0); }
    ui::CurveGraph* curve() const { return qobject_cast<ui::CurveGraph*>(plot->graph(0)); }
};

// The curve holds `points` samples of f over [0, 1000]; f's NaN are gaps. Samples for which
// `skipped` holds are entries that are no point.
Figure figureOf(
    bool curve, int points, const std::function<double(double)>& f, bool logY = false,
    Qt::PenStyle style = Qt::SolidLine,
    const std::function<bool(int)>& skipped = [](int) { return false; }) {
    Figure figure;
    QCustomPlot* plot = figure.plot.get();
    plot->resize(600, 300);
    plot->setNotAntialiasedElements(QCP::aePlottables);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        // Ticks point outwards so that none covers the curve.
        axis->setTickLength(0, 5);
        axis->setSubTickLength(0, 3);
    }
    QVector<double> keys;
    QVector<double> values;
    for (int i = 0; i < points; ++i) {
        const double x = 1000.0 * i / (points - 1);
        const bool point = !skipped(i);
        figure.points->add(x, point ? std::optional<double>(f(x)) : std::nullopt);
        if (point) {
            keys.push_back(x);
            values.push_back(f(x));
        }
    }
    QCPGraph* graph = nullptr;
    if (curve) {
        graph = new ui::CurveGraph(plot->xAxis, plot->yAxis, figure.points.get());
    } else {
        graph = new QCPGraph(plot->xAxis, plot->yAxis);
        graph->setData(keys, values, true);
    }
    graph->setAdaptiveSampling(true);
    graph->setPen(QPen(kInk, 1, style));
    plot->xAxis->setRange(0, 1000);
    if (logY) {
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->yAxis->setRange(0.01, 10);
    } else {
        plot->yAxis->setRange(-1.5, 1.5);
    }
    plot->replot();
    return figure;
}

struct Column {
    int top = -1;
    int bottom = -1;
    bool inked() const { return top >= 0; }
};

// Inked rows of each pixel column inside the axis rect.
std::vector<Column> columnsOf(QCustomPlot& plot) {
    const QImage image = plot.grab().toImage();
    const QRect area = plot.axisRect()->rect();
    std::vector<Column> columns;
    for (int x = area.left() + 1; x < area.right(); ++x) {
        Column column;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            if (QColor(image.pixel(x, y)) == kInk) {
                column.top = column.top < 0 ? y : column.top;
                column.bottom = y;
            }
        }
        columns.push_back(column);
    }
    return columns;
}

// The rows a column's neighbours (and itself) ink, widened by a pixel: where a line crosses
// from one column to the next, the two renderers may put the step in either column.
Column band(const std::vector<Column>& columns, size_t x) {
    Column joined;
    for (size_t n = x == 0 ? 0 : x - 1; n <= std::min(columns.size() - 1, x + 1); ++n) {
        if (columns[n].inked()) {
            joined.top = joined.inked() ? std::min(joined.top, columns[n].top) : columns[n].top;
            joined.bottom = std::max(joined.bottom, columns[n].bottom);
        }
    }
    joined.top = joined.inked() ? joined.top - 1 : joined.top;
    joined.bottom += 1;
    return joined;
}

bool within(const Column& column, const Column& limits) {
    return !column.inked() ||
           (limits.inked() && column.top >= limits.top && column.bottom <= limits.bottom);
}

// The column path inks the same columns as QCustomPlot's own line drawing, and in each
// column rows that QCustomPlot inks in that column or a neighbour (and the other way round).
void compareWithQcp(int points, const std::function<double(double)>& f, bool logY) {
    const Figure reference = figureOf(false, points, f, logY);
    const Figure dense = figureOf(true, points, f, logY);
    QVERIFY(dense.curve()->drewColumns());
    const std::vector<Column> want = columnsOf(*reference.plot);
    const std::vector<Column> got = columnsOf(*dense.plot);
    QCOMPARE(got.size(), want.size());
    int inked = 0;
    for (size_t x = 0; x < want.size(); ++x) {
        QCOMPARE(got[x].inked(), want[x].inked());
        inked += want[x].inked() ? 1 : 0;
        QVERIFY2(within(got[x], band(want, x)) && within(want[x], band(got, x)),
                 qPrintable(QStringLiteral("column %1: rows %2-%3, QCustomPlot %4-%5")
                                .arg(x)
                                .arg(got[x].top)
                                .arg(got[x].bottom)
                                .arg(want[x].top)
                                .arg(want[x].bottom)));
    }
    QVERIFY(inked > 400);  // the curve spans the plot
}

// The CurveGraph's picture is the QCPGraph's, pixel for pixel, after `change` was applied to
// both plots (a zoom, antialiasing, markers, ...).
void compareExactly(
    int points, const std::function<double(double)>& f, bool logY,
    const std::function<void(QCustomPlot&)>& change,
    const std::function<bool(int)>& skipped = [](int) { return false; }) {
    const Figure reference = figureOf(false, points, f, logY, Qt::SolidLine, skipped);
    const Figure curve = figureOf(true, points, f, logY, Qt::SolidLine, skipped);
    for (const Figure* figure : {&reference, &curve}) {
        change(*figure->plot);
        figure->plot->replot();
    }
    QVERIFY(!curve.curve()->drewColumns());
    const QImage want = reference.plot->grab().toImage();
    const QImage got = curve.plot->grab().toImage();
    QCOMPARE(got.size(), want.size());
    QVERIFY(got == want);
    // The curve is in the picture, so the comparison compared curves.
    reference.graph()->setVisible(false);
    reference.plot->replot();
    QVERIFY(reference.plot->grab().toImage() != want);
}

}  // namespace

class TestCurveGraph : public QObject {
    Q_OBJECT
private slots:
    void smoothCurveMatchesQCustomPlot() {
        compareWithQcp(
            20'000, [](double x) { return std::sin(x / 120.0); }, false);
    }

    void noisyCurveCoversTheSameBand() {
        compareWithQcp(
            20'000, [](double x) { return 0.8 * std::exp(-x / 300.0) + 0.15 * std::sin(x * 2.1); },
            false);
    }

    void logAxisMatchesQCustomPlot() {
        compareWithQcp(
            20'000, [](double x) { return 5.0 * std::exp(-x / 200.0) + 0.02; }, true);
    }

    void dashedPenLeavesGaps() {
        const Figure figure = figureOf(
            true, 20'000, [](double) { return 0.0; }, false, Qt::DashLine);
        QVERIFY(figure.curve()->drewColumns());
        int blank = 0;
        const std::vector<Column> columns = columnsOf(*figure.plot);
        for (const Column& c : columns) {
            blank += c.inked() ? 0 : 1;
        }
        // Qt's dash is 4 on, 2 off.
        const double share = static_cast<double>(blank) / static_cast<double>(columns.size());
        QVERIFY2(share > 0.25 && share < 0.40, qPrintable(QString::number(share)));
    }

    void entriesThatAreNoPointAreLeftOutOfTheColumns() {
        // Every third entry is no point: the line passes over them instead of breaking.
        const auto third = [](int i) { return i % 3 == 0; };
        const auto f = [](double x) { return std::sin(x / 120.0); };
        const Figure reference = figureOf(false, 30'000, f, false, Qt::SolidLine, third);
        const Figure curve = figureOf(true, 30'000, f, false, Qt::SolidLine, third);
        QVERIFY(curve.curve()->drewColumns());
        const std::vector<Column> want = columnsOf(*reference.plot);
        const std::vector<Column> got = columnsOf(*curve.plot);
        for (size_t x = 0; x < want.size(); ++x) {
            QCOMPARE(got[x].inked(), want[x].inked());
            QVERIFY(within(got[x], band(want, x)));
        }
    }

    void sparseCurveIsDrawnAsQCustomPlotDrawsIt() {
        compareExactly(
            200, [](double x) { return std::sin(x / 120.0); }, false, [](QCustomPlot&) {});
    }

    void gapsOnALogAxisAreDrawnAsQCustomPlotDrawsThem() {
        compareExactly(
            300, [](double x) { return x > 400 && x < 500 ? kNaN : 2.0 + std::sin(x / 90.0); },
            true, [](QCustomPlot&) {});
    }

    void antialiasedCurveIsDrawnAsQCustomPlotDrawsIt() {
        compareExactly(
            20'000, [](double x) { return std::sin(x / 120.0); }, false,
            [](QCustomPlot& plot) {
                plot.setNotAntialiasedElements(QCP::aeNone);
                plot.graph(0)->setAntialiased(true);
            });
    }

    void aZoomedCurveIsDrawnAsQCustomPlotDrawsIt() {
        // Only the points in view (and one either side) go to QCustomPlot.
        compareExactly(
            2'000, [](double x) { return std::sin(x / 20.0); }, false,
            [](QCustomPlot& plot) { plot.xAxis->setRange(301.3, 388.8); },
            [](int i) { return i % 7 == 3; });
    }

    void markersStayOnTheirPointsWhileTheViewPans() {
        // QCustomPlot puts a marker on every (skip + 1)-th point; with only the points in view
        // handed over, that count still starts at the curve's first point. (A 2 px line leaves
        // the line to QCustomPlot too, so the whole picture must match.) Both with entries that
        // are no point and with every entry a point, where a place is found without counting.
        for (const bool everyEntryAPoint : {false, true}) {
            for (const double left : {0.0, 123.4, 130.0, 517.9}) {
                compareExactly(
                    3'000, [](double x) { return std::sin(x / 40.0); }, false,
                    [left](QCustomPlot& plot) {
                        plot.graph(0)->setPen(QPen(kInk, 2));
                        plot.graph(0)->setScatterStyle(
                            QCPScatterStyle(QCPScatterStyle::ssCircle, kInk, Qt::white, 7));
                        plot.graph(0)->setScatterSkip(13);
                        plot.xAxis->setRange(left, left + 150.0);
                    },
                    [everyEntryAPoint](int i) { return !everyEntryAPoint && i % 11 == 5; });
            }
        }
    }

    void markersGoOverTheColumnsWhereQCustomPlotPutsThem() {
        // A dense 1 px curve with markers: the line by columns, the markers by QCustomPlot. With
        // the line's pen transparent, only the markers are in the picture.
        const auto f = [](double x) { return std::sin(x / 120.0); };
        std::vector<QImage> pictures;
        for (const bool curve : {false, true}) {
            const Figure figure = figureOf(curve, 20'000, f);
            figure.graph()->setPen(QPen(Qt::transparent, 1));
            figure.graph()->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssSquare, kInk, Qt::white, 7));
            figure.graph()->setScatterSkip(1'500);
            figure.plot->replot();
            if (curve) {
                QVERIFY(figure.curve()->drewColumns());
            }
            pictures.push_back(figure.plot->grab().toImage());
        }
        QVERIFY(pictures[1] == pictures[0]);
        int inked = 0;
        const QImage& picture = pictures[1];
        for (int x = 0; x < picture.width(); ++x) {
            for (int y = 0; y < picture.height(); ++y) {
                // Markers are antialiased: their outline shades towards white.
                const QRgb pixel = picture.pixel(x, y);
                inked += qRed(pixel) > qGreen(pixel) + 60 ? 1 : 0;
            }
        }
        QVERIFY(inked > 12 * 20);  // fourteen squares of 7 x 7 pixels, outlined
    }

    void scaledExportIsDrawnAsQCustomPlotDrawsIt() {
        const auto f = [](double x) { return std::sin(x / 120.0); };
        const Figure reference = figureOf(false, 20'000, f);
        const Figure curve = figureOf(true, 20'000, f);
        QVERIFY(curve.curve()->drewColumns());
        const QPixmap doubled = curve.plot->toPixmap(600, 300, 2.0);
        QCOMPARE(doubled.width(), 1200);
        QVERIFY(!curve.curve()->drewColumns());
        QVERIFY(doubled.toImage() == reference.plot->toPixmap(600, 300, 2.0).toImage());
    }

    void divergedCurveRisesToTheEdge() {
        // A curve that leaves for 1e300 (a diverged run) is joined up to the plot's top edge
        // where it leaves, and nothing is drawn past the edge.
        const Figure figure =
            figureOf(true, 20'000, [](double x) { return x < 500 ? 0.0 : 1e300; });
        QVERIFY(figure.curve()->drewColumns());
        const std::vector<Column> columns = columnsOf(*figure.plot);
        const QRect area = figure.plot->axisRect()->rect();
        const int zeroRow = static_cast<int>(figure.plot->yAxis->coordToPixel(0.0));
        const size_t middle = columns.size() / 2;
        QVERIFY(columns[middle / 2].inked());
        QVERIFY(std::abs(columns[middle / 2].top - zeroRow) <= 1);
        size_t jump = 0;
        while (jump < columns.size() && columns[jump].top != area.top()) {
            ++jump;
        }
        QVERIFY(jump + 2 >= middle && jump <= middle + 2);
        // The jump is split between this column and the one before, which meet.
        QVERIFY(columns[jump - 1].top <= columns[jump].bottom + 1);
        QVERIFY(std::abs(columns[jump - 1].bottom - zeroRow) <= 1);
        QVERIFY(!columns[jump + 3].inked());
    }

    void holdsNoPointsOfItsOwn() {
        const Figure figure = figureOf(true, 20'000, [](double x) { return x; });
        const QCPGraph* graph = figure.graph();
        QVERIFY(graph->data()->isEmpty());  // also after drawing
        QCOMPARE(figure.curve()->pointCount(), std::size_t{20'000});
    }

    void readsPointsAsAGraphHoldingThemWould() {
        // Entries 10, 20, 30, ... are no point; key 500 is a gap.
        const auto skipped = [](int i) { return i % 10 == 0 && i > 0; };
        const auto f = [](double x) { return x == 500.0 ? kNaN : 0.01 * x - 3.0; };
        const Figure reference = figureOf(false, 1001, f, false, Qt::SolidLine, skipped);
        const Figure curve = figureOf(true, 1001, f, false, Qt::SolidLine, skipped);
        const QCPGraphDataContainer& held = *reference.graph()->data();
        const ui::CurveGraph& read = *curve.curve();

        const std::vector<QCPGraphData> points = read.points();
        QCOMPARE(static_cast<int>(points.size()), held.size());
        QCOMPARE(read.pointCount(), points.size());
        for (int i = 0; i < held.size(); ++i) {
            QCOMPARE(points[static_cast<size_t>(i)].key, held.at(i)->key);
            const double value = held.at(i)->value;
            QVERIFY(std::isnan(value) ? std::isnan(points[static_cast<size_t>(i)].value)
                                      : points[static_cast<size_t>(i)].value == value);
        }
        for (const double key : {-5.0, 0.0, 9.5, 10.0, 10.2, 499.9, 500.0, 999.0, 1000.0}) {
            const auto from = read.firstPointFrom(key);
            const auto it = held.findBegin(key, false);
            QCOMPARE(from.has_value(), it != held.constEnd());
            if (from) {
                QCOMPARE(from->key, it->key);
            }
        }
        QVERIFY(!read.firstPointFrom(1000.5).has_value());

        // Where a tracer on the held graph sits.
        auto* tracer = new QCPItemTracer(reference.plot.get());
        tracer->setGraph(reference.graph());
        for (const double key : {-5.0, 0.0, 9.4, 10.0, 10.6, 15.0, 333.3, 1000.0, 2000.0}) {
            tracer->setGraphKey(key);
            tracer->updatePosition();
            const auto nearest = read.nearestPoint(key);
            QVERIFY(nearest.has_value());
            QCOMPARE(nearest->key, tracer->position->key());
        }

        bool found = false;
        bool heldFound = false;
        QCOMPARE(read.getKeyRange(found), reference.graph()->getKeyRange(heldFound));
        QCOMPARE(found, heldFound);
        QCOMPARE(read.getValueRange(found, QCP::sdPositive),
                 reference.graph()->getValueRange(heldFound, QCP::sdPositive));
        QCOMPARE(found, heldFound);
        QCOMPARE(read.getValueRange(found, QCP::sdBoth, QCPRange(100, 200)),
                 reference.graph()->getValueRange(heldFound, QCP::sdBoth, QCPRange(100, 200)));
        QCOMPARE(found, heldFound);
        QCOMPARE(read.lastValuedPoint()->key, 999.0);  // entry 1000 is no point
    }

    void aCurveWithoutPointsDrawsNothing() {
        const Figure figure = figureOf(
            true, 100, [](double) { return 0.5; }, false, Qt::SolidLine, [](int) { return true; });
        QCOMPARE(figure.curve()->pointCount(), std::size_t{0});
        QVERIFY(!figure.curve()->lastValuedPoint().has_value());
        QVERIFY(!figure.curve()->nearestPoint(3.0).has_value());
        bool found = true;
        figure.curve()->getKeyRange(found);
        QVERIFY(!found);
        const std::vector<Column> columns = columnsOf(*figure.plot);
        QVERIFY(std::none_of(columns.begin(), columns.end(),
                             [](const Column& c) { return c.inked(); }));
    }
};

QTEST_MAIN(TestCurveGraph)
#include "test_curve_graph.moc"
