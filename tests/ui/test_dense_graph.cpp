// DenseGraph draws dense curves as one run of pixels per column. What it draws must match
// what QCustomPlot's own line drawing covers, and it must step aside where it would not.
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include <QImage>
#include <QTest>

#include "ui/views/curves/dense_graph.hpp"

using namespace lrscope;

namespace {

const QColor kInk(200, 0, 0);

// A bare plot holding one curve of `points` samples of f over [0, 1000].
std::unique_ptr<QCustomPlot> plotOf(bool dense, int points, const std::function<double(double)>& f,
                                    bool logY = false, Qt::PenStyle style = Qt::SolidLine) {
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(600, 300);
    plot->setNotAntialiasedElements(QCP::aePlottables);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        // Ticks point outwards so that none covers the curve.
        axis->setTickLength(0, 5);
        axis->setSubTickLength(0, 3);
    }
    QCPGraph* graph = dense ? new ui::DenseGraph(plot->xAxis, plot->yAxis)
                            : new QCPGraph(plot->xAxis, plot->yAxis);
    graph->setAdaptiveSampling(true);
    graph->setPen(QPen(kInk, 1, style));
    QVector<double> keys;
    QVector<double> values;
    for (int i = 0; i < points; ++i) {
        const double x = 1000.0 * i / (points - 1);
        keys.push_back(x);
        values.push_back(f(x));
    }
    graph->setData(keys, values, true);
    plot->xAxis->setRange(0, 1000);
    if (logY) {
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->yAxis->setRange(0.01, 10);
    } else {
        plot->yAxis->setRange(-1.5, 1.5);
    }
    plot->replot();
    return plot;
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

ui::DenseGraph* denseGraphOf(QCustomPlot& plot) {
    return qobject_cast<ui::DenseGraph*>(plot.graph(0));
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
    auto reference = plotOf(false, points, f, logY);
    auto dense = plotOf(true, points, f, logY);
    QVERIFY(denseGraphOf(*dense)->drewColumns());
    const std::vector<Column> want = columnsOf(*reference);
    const std::vector<Column> got = columnsOf(*dense);
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

}  // namespace

class TestDenseGraph : public QObject {
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
        auto plot = plotOf(
            true, 20'000, [](double) { return 0.0; }, false, Qt::DashLine);
        QVERIFY(denseGraphOf(*plot)->drewColumns());
        int blank = 0;
        const std::vector<Column> columns = columnsOf(*plot);
        for (const Column& c : columns) {
            blank += c.inked() ? 0 : 1;
        }
        // Qt's dash is 4 on, 2 off.
        const double share = static_cast<double>(blank) / static_cast<double>(columns.size());
        QVERIFY2(share > 0.25 && share < 0.40, qPrintable(QString::number(share)));
    }

    void sparseCurveIsLeftToQCustomPlot() {
        auto plot = plotOf(true, 200, [](double x) { return std::sin(x / 120.0); });
        QVERIFY(!denseGraphOf(*plot)->drewColumns());
    }

    void antialiasedCurveIsLeftToQCustomPlot() {
        auto plot = plotOf(true, 20'000, [](double x) { return std::sin(x / 120.0); });
        plot->setNotAntialiasedElements(QCP::aeNone);
        plot->graph(0)->setAntialiased(true);
        plot->replot();
        QVERIFY(!denseGraphOf(*plot)->drewColumns());
    }

    void scaledExportIsLeftToQCustomPlot() {
        auto plot = plotOf(true, 20'000, [](double x) { return std::sin(x / 120.0); });
        QVERIFY(denseGraphOf(*plot)->drewColumns());
        const QPixmap doubled = plot->toPixmap(600, 300, 2.0);
        QCOMPARE(doubled.width(), 1200);
        QVERIFY(!denseGraphOf(*plot)->drewColumns());
    }

    void divergedCurveRisesToTheEdge() {
        // A curve that leaves for 1e300 (a diverged run) is joined up to the plot's top edge
        // where it leaves, and nothing is drawn past the edge.
        auto plot = plotOf(true, 20'000, [](double x) { return x < 500 ? 0.0 : 1e300; });
        QVERIFY(denseGraphOf(*plot)->drewColumns());
        const std::vector<Column> columns = columnsOf(*plot);
        const QRect area = plot->axisRect()->rect();
        const int zeroRow = static_cast<int>(plot->yAxis->coordToPixel(0.0));
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

    void reservedDataGrowsInPlace() {
        QCustomPlot plot;
        auto* graph = new ui::DenseGraph(plot.xAxis, plot.yAxis);
        graph->reserve(10'000);
        graph->appendSorted({0.0}, {1.0});
        const QCPGraphData* storage = &*graph->data()->constBegin();
        for (int batch = 0; batch < 99; ++batch) {
            QVector<double> keys;
            QVector<double> values;
            for (int i = 1; i <= 100; ++i) {
                keys.push_back(batch * 100 + i);
                values.push_back(0.5 * (batch * 100 + i));
            }
            graph->appendSorted(keys, values);
        }
        QCOMPARE(graph->dataCount(), 9'901);
        QCOMPARE(&*graph->data()->constBegin(), storage);  // never moved
        QCOMPARE(graph->data()->at(9'900)->key, 9'900.0);
        QCOMPARE(graph->data()->at(9'900)->value, 4'950.0);
    }

    void unsortedAppendStaysSorted() {
        QCustomPlot plot;
        auto* graph = new ui::DenseGraph(plot.xAxis, plot.yAxis);
        graph->appendSorted({1.0, 2.0, 5.0}, {10.0, 20.0, 50.0});
        graph->appendSorted({4.0, 3.0}, {40.0, 30.0});
        QCOMPARE(graph->dataCount(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(graph->data()->at(i)->key, i + 1.0);
            QCOMPARE(graph->data()->at(i)->value, 10.0 * (i + 1));
        }
    }
};

QTEST_MAIN(TestDenseGraph)
#include "test_dense_graph.moc"
