// `lrscope-cli plot --boundary`: trains one run and draws its decision boundary (or fitted
// curve) with the window's BoundaryPlot; contradictory flags and data of another shape exit 2
// with one line and leave an existing file alone.
#include <sstream>

#include <QFile>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/plot_command.hpp"
#include "ui/views/boundary/class_colours.hpp"

using lrscope::cli::runPlotCommand;

namespace {

struct Result {
    int code;
    std::string out;
    std::string err;
};

Result run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = runPlotCommand(args, out, err);
    return {code, out.str(), err.str()};
}

// How many pixels of the image are neither white nor grey: the heatmap's tints.
int tintedPixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            if (std::max({c.red(), c.green(), c.blue()}) -
                    std::min({c.red(), c.green(), c.blue()}) >
                12) {
                ++count;
            }
        }
    }
    return count;
}

}  // namespace

class TestPlotBoundary : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void drawsAClassifiersBoundaryAsAPng() {
        const Result r = run({"--boundary", "--dataset", "moons", "--epochs", "60", "--lr", "0.1",
                              "--out", path("moons.png"), "--width", "500", "--height", "400"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
        QVERIFY(r.out.find("decision boundary") != std::string::npos);
        QVERIFY(r.out.find("epoch 60") != std::string::npos);
        const QImage image(QString::fromStdString(path("moons.png")));
        QCOMPARE(image.size(), QSize(500, 400));
        // Most of the plane is tinted in a class colour.
        const int sampled = (500 / 3 + 1) * (400 / 3 + 1);
        QVERIFY(tintedPixels(image) > sampled / 3);
    }

    void drawsARegressionsFittedCurveAsAnSvg() {
        const Result r = run({"--boundary", "--dataset", "sine", "--epochs", "30", "--lr", "0.05",
                              "--out", path("sine.svg")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("fitted curve") != std::string::npos);
        QSvgRenderer svg(QString::fromStdString(path("sine.svg")));
        QVERIFY(svg.isValid());
    }

    void badUsageExitsTwoAndLeavesTheFileAlone_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("message");
        QTest::newRow("two rates")
            << QStringList{"--lr", "0.1,1"} << "--optimizer and --lr give 2 runs";
        QTest::newRow("two optimizers")
            << QStringList{"--optimizer", "sgd,adam"} << "exactly one (one optimizer, one rate)";
        QTest::newRow("metric") << QStringList{"--metric", "loss"}
                                << "--boundary and --metric contradict each other";
        QTest::newRow("log y") << QStringList{"--log-y"}
                               << "--boundary and --log-y contradict each other";
        QTest::newRow("runs file")
            << QStringList{"--runs", "x.csv"} << "--boundary and --runs contradict each other";
        QTest::newRow("digits") << QStringList{"--dataset", "digits"}
                                << "--boundary: No boundary for digits: it has 64 inputs";
        QTest::newRow("iris") << QStringList{"--dataset", "iris"} << "it has 4 inputs";
    }
    void badUsageExitsTwoAndLeavesTheFileAlone() {
        QFETCH(QStringList, flags);
        QFETCH(QString, message);
        const std::string out = path("kept.png");
        {
            QFile file(QString::fromStdString(out));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old");
        }
        std::vector<std::string> args = {"--boundary", "--epochs", "2", "--out", out};
        for (const QString& flag : flags) {
            args.push_back(flag.toStdString());
        }
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), 1L);
        QFile file(QString::fromStdString(out));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old"));
    }

    void helpNamesTheFlag() {
        const Result r = run({"--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("--boundary") != std::string::npos);
        QVERIFY(r.out.find("lrscope-cli plot --boundary --out FILE") != std::string::npos);
    }
};

QTEST_MAIN(TestPlotBoundary)
#include "test_plot_boundary.moc"
