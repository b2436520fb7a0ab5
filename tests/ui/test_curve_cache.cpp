// Replots of a RunPlot draw its curves from a cached picture, redrawn only in the pixel columns
// where runs grew (ui::CurveCache). These tests grow runs step by step and check after every
// replot that the picture on screen is, pixel for pixel, the one the curves draw themselves
// (the cache turned off), and that the cache redrew only a few columns while the axes held
// still.
#include <cmath>
#include <vector>

#include <QImage>
#include <QTest>

#include "test_support.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/curves/curve_cache.hpp"
#include "ui/views/curves/run_plot.hpp"

using namespace lrscope;

namespace {

using Draw = ui::CurveCache::Draw;

constexpr int kRuns = 12;  // past the palette's ten colours: two runs carry markers
constexpr int kStartEpochs = 2'000;

// A noisy falling loss, different for every run, with a test loss above it.
core::EpochRecord recordOf(core::RunId id, int epoch) {
    core::EpochRecord r;
    r.runId = id;
    r.epoch = epoch;
    const double rate = 0.0004 * static_cast<double>(id);
    const double noise = 0.03 * std::sin(epoch * 1.7 + static_cast<double>(id)) +
                         0.02 * std::sin(epoch * 0.13 * static_cast<double>(id));
    r.trainLoss = 0.8 * std::exp(-rate * epoch) + 0.05 + noise;
    r.testLoss = r.trainLoss + 0.04 + 0.5 * noise;
    r.trainError = 0.5 * std::exp(-rate * epoch);
    r.testError = *r.trainError + 0.03;
    r.lr = 0.01;
    return r;
}

std::vector<core::EpochRecord> recordsOf(core::RunId id, int first, int count) {
    std::vector<core::EpochRecord> records;
    for (int e = first; e < first + count; ++e) {
        records.push_back(recordOf(id, e));
    }
    return records;
}

// kRuns runs, still training, with kStartEpochs epochs each: over 40,000 points, so the plot
// draws them aliased and the cache draws them.
void startRuns(ui::RunStore& store) {
    const core::RunConfig config = test::smallConfig(20'000);
    for (core::RunId id = 1; id <= kRuns; ++id) {
        store.addQueuedRun(id, config);
        store.appendRecords(id, recordsOf(id, 0, kStartEpochs));
    }
}

// A loss plot of a store, shown at 900 x 520 (wait until it is exposed, then startRuns()).
struct ShownPlot {
    ui::RunStore store;
    ui::RunPlot plot{store, ui::PlotMetric::Loss};
    ShownPlot() {
        plot.resize(900, 520);
        plot.show();
    }
};

// How many pixels of two pictures of the same size differ.
long differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) {
        return -1;
    }
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    long count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int column = 0; column < x.width(); ++column) {
            count += p[column] != q[column] ? 1 : 0;
        }
    }
    return count;
}

// The plot as its curves draw themselves, without the cache.
QImage drawnByTheCurves(ui::RunPlot& plot) {
    plot.curveCache().setEnabled(false);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    QImage picture = plot.grab().toImage();
    plot.curveCache().setEnabled(true);
    return picture;
}

enum class Setting { Linear, LogY, Smoothing, Highlighted, ZoomedIn, TestOnly };

class TestCurveCache : public QObject {
    Q_OBJECT

private slots:
    void liveReplotsShowWhatTheCurvesDraw_data() {
        QTest::addColumn<int>("setting");
        QTest::newRow("linear") << static_cast<int>(Setting::Linear);
        QTest::newRow("log y") << static_cast<int>(Setting::LogY);
        QTest::newRow("smoothing") << static_cast<int>(Setting::Smoothing);
        QTest::newRow("a highlighted run (wide pen)") << static_cast<int>(Setting::Highlighted);
        QTest::newRow("zoomed in (sparse lines)") << static_cast<int>(Setting::ZoomedIn);
        QTest::newRow("test curves only (dashed)") << static_cast<int>(Setting::TestOnly);
    }

    void liveReplotsShowWhatTheCurvesDraw() {
        QFETCH(int, setting);
        ShownPlot shown;
        ui::RunStore& store = shown.store;
        ui::RunPlot& plot = shown.plot;
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        startRuns(store);
        switch (static_cast<Setting>(setting)) {
            case Setting::Linear:
                break;
            case Setting::LogY:
                plot.setLogY(true);
                break;
            case Setting::Smoothing:
                plot.setSmoothing(0.6);
                break;
            case Setting::Highlighted:
                plot.setHighlighted({3});
                break;
            case Setting::ZoomedIn:
                plot.setFollow(false);
                plot.xAxis->setRange(1'700, 2'600);
                break;
            case Setting::TestOnly:
                plot.setSeries(ui::SeriesChoice::TestOnly);
                break;
        }

        std::vector<int> epochs(kRuns + 1, kStartEpochs);
        int columnDraws = 0;
        for (int step = 0; step < 16; ++step) {
            // Runs grow at different paces, some not at every step.
            for (core::RunId id = 1; id <= kRuns; ++id) {
                if ((step + static_cast<int>(id)) % 3 == 0) {
                    continue;
                }
                const int count = 3 + static_cast<int>(id) * (step % 4);
                store.appendRecords(id, recordsOf(id, epochs[id], count));
                epochs[id] += count;
            }
            plot.replotNow();
            const QImage live = plot.grab().toImage();
            const Draw draw = plot.curveCache().lastDraw();
            QVERIFY2(draw != Draw::None, "the cache drew the curves");
            // Dense curves are drawn column by column, zoomed-in ones as QCustomPlot's lines.
            const ui::CurveGraph* first = static_cast<Setting>(setting) == Setting::TestOnly
                                              ? plot.testGraph(1)
                                              : plot.trainGraph(1);
            QCOMPARE(first->drewColumns(), static_cast<Setting>(setting) != Setting::ZoomedIn);
            if (draw == Draw::Columns) {
                ++columnDraws;
                QVERIFY2(plot.curveCache().lastRedrawnColumns() < plot.width() / 3,
                         qPrintable(QStringLiteral("redrew %1 columns")
                                        .arg(plot.curveCache().lastRedrawnColumns())));
            }
            const QImage direct = drawnByTheCurves(plot);
            const long differing = differingPixels(live, direct);
            QVERIFY2(
                differing == 0,
                qPrintable(QStringLiteral("step %1: %2 pixels differ").arg(step).arg(differing)));
        }
        // The axes step only now and then, so most replots redrew only the new columns.
        QVERIFY2(columnDraws >= 10, qPrintable(QStringLiteral("%1 of 16").arg(columnDraws)));
    }

    void anyOtherChangeRedrawsEverything() {
        ShownPlot shown;
        ui::RunStore& store = shown.store;
        ui::RunPlot& plot = shown.plot;
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        startRuns(store);
        plot.replotNow();
        plot.replotNow();
        QCOMPARE(plot.curveCache().lastDraw(), Draw::Columns);
        QCOMPARE(plot.curveCache().lastRedrawnColumns(), 0);  // nothing grew

        const auto redrawsAll = [&plot](const char* what) {
            plot.replotNow();
            const QImage live = plot.grab().toImage();
            QVERIFY2(plot.curveCache().lastDraw() == Draw::Full, what);
            QVERIFY2(differingPixels(live, drawnByTheCurves(plot)) == 0, what);
        };
        store.setColour(4, QColor(Qt::darkCyan));
        redrawsAll("a new colour");
        store.setVisible(5, false);
        redrawsAll("a hidden run");
        plot.setHighlighted({2});
        redrawsAll("a highlighted run");
        // A resize replots at once (QCustomPlot's own replot, through the cache).
        plot.resize(800, 480);
        QCOMPARE(plot.curveCache().lastDraw(), Draw::Full);
        plot.replotNow();
        QCOMPARE(plot.curveCache().lastRedrawnColumns(), 0);
        QCOMPARE(differingPixels(plot.grab().toImage(), drawnByTheCurves(plot)), 0L);
        plot.setFollow(false);
        plot.yAxis->setRange(0.0, 0.5);
        redrawsAll("a new y range");
        store.take({7});
        redrawsAll("a removed run");
    }

    void exportsDrawTheCurvesThemselves() {
        ShownPlot shown;
        ui::RunStore& store = shown.store;
        ui::RunPlot& plot = shown.plot;
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        startRuns(store);
        plot.replotNow();
        QCOMPARE(plot.curveCache().lastDraw(), Draw::Full);
        // Outside a replot the curves draw themselves: a picture made for a file has them.
        const QImage exported = plot.toPixmap(900, 520, 1.0).toImage();
        const QRgb colour = store.run(1)->colour.rgb();
        long inked = 0;
        for (int y = 0; y < exported.height(); ++y) {
            for (int x = 0; x < exported.width(); ++x) {
                inked += (exported.pixel(x, y) & 0xffffff) == (colour & 0xffffff) ? 1 : 0;
            }
        }
        QVERIFY2(inked > 500, qPrintable(QStringLiteral("%1 pixels of run 1").arg(inked)));
    }

    void antialiasedCurvesDrawThemselves() {
        // A few points: thick antialiased pens, which the cache leaves to the curves.
        ui::RunStore store;
        ui::RunPlot plot(store, ui::PlotMetric::Loss);
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        store.addQueuedRun(1, test::smallConfig(500));
        store.appendRecords(1, recordsOf(1, 0, 100));
        plot.replotNow();
        QCOMPARE(plot.curveCache().lastDraw(), Draw::None);
        QVERIFY(!plot.trainGraph(1)->points().empty());
    }
};

}  // namespace

QTEST_MAIN(TestCurveCache)
#include "test_curve_cache.moc"
