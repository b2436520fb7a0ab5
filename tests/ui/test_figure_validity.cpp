// Every PDF and SVG lrscope writes parses cleanly with strict readers (poppler's pdftoppm,
// qpdf --check, an XML parser), also with runs that diverge to 1e300, hold values that
// overflow to Inf, or sit at exactly 0 on a log axis. Qt's own renderers forgive broken files,
// so they are not the judges here.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "core/analysis/optimizer_path.hpp"
#include "test_support.hpp"
#include "ui/export/plot_export.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/views/boundary/boundary_plot.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/landscape/landscape_plot.hpp"
#include "ui/views/range_test/range_test_plot.hpp"
#include "ui/views/sweep/sweep_plot.hpp"

using namespace lrscope;

namespace {

struct Outcome {
    int exitCode = -1;
    QString errors;
};

Outcome runTool(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        return {-1, program + QStringLiteral(" could not be started (is it installed?)")};
    }
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardError())};
}

core::EpochRecord record(int epoch, double loss, double error) {
    core::EpochRecord r;
    r.runId = 0;
    r.epoch = epoch;
    r.trainLoss = loss;
    r.testLoss = loss * 1.1;
    r.trainError = error;
    r.testError = error;
    r.lr = 0.1;
    return r;
}

// A run that learns (its error reaches exactly 0), and one that diverges through 1e300.
void addRuns(ui::RunStore& store) {
    ui::Run good;
    good.id = 1;
    good.name = QStringLiteral("SGD  lr=0.1");
    good.config.epochs = 40;
    good.state = ui::RunState::Done;
    for (int e = 0; e <= 40; ++e) {
        good.history.push_back(record(e, 0.7 * std::exp(-0.1 * e), e < 20 ? 0.5 - 0.025 * e : 0.0));
    }
    store.addFinishedRun(good);
    ui::Run bad;
    bad.id = 2;
    bad.name = QStringLiteral("SGD  lr=10");
    bad.config.epochs = 40;
    bad.state = ui::RunState::Diverged;
    bad.divergedAt = 6;
    const double losses[] = {0.7, 3.0, 1e10, 1e100, 1e200, 1e300};
    for (int e = 0; e < 6; ++e) {
        bad.history.push_back(record(e, losses[e], 0.5));
    }
    store.addFinishedRun(bad);
    ui::Run overflow;  // its last loss is +Inf: a plot draws the finite part only
    overflow.id = 3;
    overflow.name = QStringLiteral("Adam  lr=30");
    overflow.config.epochs = 40;
    overflow.state = ui::RunState::Diverged;
    overflow.divergedAt = 4;
    const double more[] = {0.7, 1e150, 1e307, std::numeric_limits<double>::infinity()};
    for (int e = 0; e < 4; ++e) {
        overflow.history.push_back(record(e, more[e], 0.4));
    }
    store.addFinishedRun(overflow);
}

}  // namespace

class TestFigureValidity : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    void checkPdf(const QString& path) {
        const Outcome render =
            runTool(QStringLiteral("pdftoppm"),
                    {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("30"), path,
                     path + QStringLiteral("-page")});
        QVERIFY2(render.exitCode == 0 && render.errors.trimmed().isEmpty(),
                 qPrintable(path + QStringLiteral(": pdftoppm: ") + render.errors));
        const Outcome check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), path});
        QVERIFY2(check.exitCode == 0 && check.errors.trimmed().isEmpty(),
                 qPrintable(path + QStringLiteral(": qpdf: ") + check.errors));
    }

    void checkSvg(const QString& path) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QXmlStreamReader xml(svg);
        while (!xml.atEnd()) {
            xml.readNext();
        }
        QVERIFY2(!xml.hasError(), qPrintable(path + QStringLiteral(": ") + xml.errorString()));
        // No coordinate an SVG reader cannot take.
        static const QRegularExpression bad(QStringLiteral("[=\" ,(-](nan|inf)"),
                                            QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!bad.match(QString::fromUtf8(svg)).hasMatch(), qPrintable(path));
    }

private slots:
    void exportBoth(QCustomPlot& plot, const QString& stem) {
        for (const QString& suffix : {QStringLiteral(".pdf"), QStringLiteral(".svg")}) {
            const QString path = dir_.filePath(stem + suffix);
            const QString error = ui::exportFigure(plot, path, {800, 500, 1.0});
            QVERIFY2(error.isEmpty(), qPrintable(error));
            if (suffix == QStringLiteral(".pdf")) {
                checkPdf(path);
            } else {
                checkSvg(path);
            }
        }
    }

    // A range test whose raw loss shoots to 1e300 before it stops, with suggestions marked,
    // over an earlier test: the figure stays valid.
    void rangeTestFigureWithAnExplodingLossParsesCleanly() {
        core::RangeTestSettings settings;
        std::vector<core::RangeTestPoint> points;
        for (int i = 0; i < 90; ++i) {
            const double lr = core::rangeTestRate(settings, i);
            const double loss = i < 80 ? 0.7 - 0.004 * i : std::pow(10.0, 30.0 * (i - 79));
            points.push_back({i, lr, std::min(loss, 1e300), 0.7 - 0.003 * i + (i > 80 ? 2.0 : 0)});
        }
        ui::RangeTestCurve earlier;
        earlier.label = QStringLiteral("SGD");
        earlier.colour = Qt::blue;
        earlier.points = points;
        earlier.finished = true;
        ui::RangeTestCurve current = earlier;
        current.label = QStringLiteral("Adam");
        current.colour = Qt::red;
        current.stop = core::RangeTestStop::Diverged;
        current.suggestions = core::lrSuggestions(points, settings.iterations);
        QVERIFY(current.suggestions.valley);
        ui::RangeTestPlot plot;
        plot.resize(800, 500);
        plot.setTests({earlier, current});
        QCOMPARE(plot.marks().size(), 3U);
        exportBoth(plot, QStringLiteral("range-test"));
    }

    // A U-curve with diverged runs (crosses in the band above) and huge final losses.
    void sweepFigureWithDivergedRunsParsesCleanly() {
        std::vector<ui::SweepPlotRun> runs;
        const double lrs[] = {1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0};
        const double losses[] = {0.69, 0.6, 0.2, 0.05, 1e250, 0.7};
        for (int i = 0; i < 6; ++i) {
            ui::SweepPlotRun run;
            run.id = static_cast<core::RunId>(i + 1);
            run.group = QStringLiteral("SGD");
            run.lr = lrs[i];
            run.value = losses[i];
            run.finished = true;
            if (i == 5) {
                run.divergedAt = 3;
            }
            runs.push_back(run);
        }
        ui::SweepPlot plot;
        plot.resize(800, 500);
        plot.setRuns(runs);
        exportBoth(plot, QStringLiteral("sweep"));
    }

    void figuresWithDivergedAndZeroValuesParseCleanly_data() {
        QTest::addColumn<int>("metric");
        QTest::addColumn<bool>("logY");
        QTest::newRow("loss, linear") << static_cast<int>(ui::PlotMetric::Loss) << false;
        QTest::newRow("loss, log") << static_cast<int>(ui::PlotMetric::Loss) << true;
        QTest::newRow("error, log (zeros)")
            << static_cast<int>(ui::PlotMetric::ErrorPercent) << true;
        QTest::newRow("success, linear")
            << static_cast<int>(ui::PlotMetric::SuccessPercent) << false;
    }

    void figuresWithDivergedAndZeroValuesParseCleanly() {
        QFETCH(int, metric);
        QFETCH(bool, logY);
        ui::RunStore store;
        ui::RunPlot plot(store, static_cast<ui::PlotMetric>(metric));
        plot.resize(800, 500);
        plot.setLogY(logY);
        addRuns(store);
        const QString stem = dir_.filePath(QStringLiteral("figure-%1-%2").arg(metric).arg(logY));
        for (const QString& suffix : {QStringLiteral(".pdf"), QStringLiteral(".svg")}) {
            const QString path = stem + suffix;
            const QString error = ui::exportFigure(plot, path, {800, 500, 1.0});
            QVERIFY2(error.isEmpty(), qPrintable(error));
            if (suffix == QStringLiteral(".pdf")) {
                checkPdf(path);
            } else {
                checkSvg(path);
            }
        }
        // The same runs as a figure for a post: title, key, a fixed top that clips the
        // diverged runs, and the second plot below.
        ui::RunPlot lower(store, ui::PlotMetric::SuccessPercent);
        lower.resize(800, 300);
        ui::FigureOptions options;
        options.title = QStringLiteral("Too low, just right, too high (ε, ∞)");
        options.seriesKey = true;
        options.yMax = logY ? 100.0 : 2.0;
        for (const QString& suffix : {QStringLiteral(".pdf"), QStringLiteral(".svg")}) {
            const QString path = stem + QStringLiteral("-both") + suffix;
            const QString error = ui::exportFigure({&plot, &lower}, path, {800, 900, 1.0}, options);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            if (suffix == QStringLiteral(".pdf")) {
                checkPdf(path);
            } else {
                checkSvg(path);
            }
        }
        if (static_cast<ui::PlotMetric>(metric) == ui::PlotMetric::ErrorPercent && logY) {
            // The zeros are not drawn, and the plot says how many.
            QVERIFY(plot.hiddenPointCount() > 0);
            QVERIFY(plot.cornerNoteText().contains(QString::number(plot.hiddenPointCount())));
        }
    }

    // The window's other plots, exported from Save plot: a decision boundary (heatmap and
    // points), a fitted curve, and a landscape whose paths diverge to 1e35 and beyond.
    void boundaryAndLandscapeFiguresParseCleanly() {
        std::vector<std::pair<QString, QCustomPlot*>> plots;
        ui::BoundaryPlot boundary;
        const ui::BoundaryData plane = ui::boundaryDataOf(test::smallConfig());
        core::NetworkWeights weights;
        core::LayerWeights hidden{core::Matrix::Constant(3, 2, 0.7), core::Vector::Zero(3)};
        hidden.weight(1, 0) = -1.3;
        core::LayerWeights out{core::Matrix::Constant(2, 3, -0.4), core::Vector::Zero(2)};
        out.weight(0, 1) = 2.0;
        weights.layers = {hidden, out};
        boundary.setData(plane, QStringLiteral("test"));
        const ui::BoundaryPicture picture = ui::boundaryPicture(plane, weights, 50);
        QVERIFY(picture.error.isEmpty());
        boundary.setPicture(picture, QStringLiteral("test"));
        QVERIFY(boundary.hasHeatmap());
        plots.emplace_back(QStringLiteral("boundary"), &boundary);

        ui::LandscapePlot landscape;
        landscape.setFunction(core::TestFunctionKind::Rosenbrock);
        landscape.setStart({-1.5, 2.0});
        std::vector<ui::LandscapePath> paths;
        for (const core::OptimizerKind kind :
             {core::OptimizerKind::Sgd, core::OptimizerKind::Nesterov, core::OptimizerKind::Adam}) {
            core::OptimizerSettings settings = core::defaultsFor(kind);
            settings.lr = 3e-3;  // SGD and Nesterov diverge through 1e35
            paths.push_back({kind, QColor(Qt::darkBlue),
                             core::optimizerPath(core::TestFunctionKind::Rosenbrock, settings,
                                                 core::LrSchedule{}, {-1.5, 2.0}, 1000)});
        }
        QVERIFY(paths[1].path.divergedAt.has_value());
        landscape.setPaths(std::move(paths));
        plots.emplace_back(QStringLiteral("landscape"), &landscape);

        for (const auto& [name, plot] : plots) {
            plot->resize(700, 500);
            for (const QString& suffix : {QStringLiteral(".pdf"), QStringLiteral(".svg")}) {
                const QString path = dir_.filePath(name + suffix);
                const QString error = ui::exportFigure(*plot, path, {700, 500, 1.0});
                QVERIFY2(error.isEmpty(), qPrintable(error));
                if (suffix == QStringLiteral(".pdf")) {
                    checkPdf(path);
                } else {
                    checkSvg(path);
                }
            }
        }
    }
};

QTEST_MAIN(TestFigureValidity)
#include "test_figure_validity.moc"
