// `lrscope-cli plot`: trains runs or reads a runs CSV and writes the figure with the window's
// plot code; bad input exits 2 with one line and leaves an existing file alone.
#include <sstream>

#include <QFile>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/plot_command.hpp"
#include "ui/runs/run_palette.hpp"

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

}  // namespace

class TestPlotCommand : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void trainsTheCrossProductAndWritesAPng() {
        const Result r =
            run({"--dataset", "moons", "--samples", "100", "--epochs", "20", "--optimizer",
                 "sgd,adam", "--lr", "1e-3,0.1", "--out", path("rates.png"), "--width", "640",
                 "--height", "360", "--scale", "2"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.empty());
        QVERIFY(r.out.find("4 runs") != std::string::npos);
        const QImage image(QString::fromStdString(path("rates.png")));
        QCOMPARE(image.size(), QSize(1280, 720));
    }

    void readsARunsCsvAndWritesAnSvg() {
        QFile csv(dir_.filePath("runs.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(
            "run,name,optimizer,base_lr,epoch,train_loss,train_error,test_loss,test_error,"
            "lr,grad_norm,update_ratio,step_size,lr_changed_to\n"
            "1,SGD lr=0.1,sgd,0.1,0,0.7,0.5,0.71,0.5,0.1,,,,\n"
            "1,SGD lr=0.1,sgd,0.1,1,0.5,0.3,0.52,0.3,0.1,1.2,0.1,0.5,\n"
            "2,\"Adam, fast\",adam,0.01,0,0.7,0.5,0.7,0.5,0.01,,,,\n"
            "2,\"Adam, fast\",adam,0.01,1,0.3,0.1,0.35,0.1,0.02,0.9,0.1,0.2,0.02\n");
        csv.close();
        const Result r = run({"--runs", path("runs.csv"), "--out", path("runs.svg"), "--metric",
                              "error", "--log-y", "--width", "500", "--height", "300"});
        QCOMPARE(r.code, 0);
        QSvgRenderer svg(QString::fromStdString(path("runs.svg")));
        QVERIFY(svg.isValid());
        QCOMPARE(svg.defaultSize(), QSize(500, 300));
    }

    // A runs CSV with status columns (sweep --out) draws a diverged run as the window does.
    void aDivergedRunReadBackIsLabelledDiverged() {
        QFile csv(dir_.filePath("diverged.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(
            "run,name,optimizer,base_lr,epoch,train_loss,train_error,test_loss,test_error,"
            "lr,grad_norm,update_ratio,step_size,lr_changed_to,status,diverged_at\n"
            "1,SGD lr=0.1,sgd,0.1,0,0.7,0.5,0.71,0.5,0.1,,,,,done,\n"
            "1,SGD lr=0.1,sgd,0.1,1,0.5,0.3,0.52,0.3,0.1,1.2,0.1,0.5,,done,\n"
            "2,SGD lr=30,sgd,30,0,0.7,0.5,0.7,0.5,30,,,,,diverged,2\n"
            "2,SGD lr=30,sgd,30,1,9,0.5,9,0.5,30,4,1,30,,diverged,2\n");
        csv.close();
        const Result r = run({"--runs", path("diverged.csv"), "--out", path("diverged.svg")});
        QCOMPARE(r.code, 0);
        QFile svg(dir_.filePath("diverged.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY2(text.contains("diverged @ epoch 2"), "the legend names the diverged epoch");
        QVERIFY(!text.contains("diverged @ epoch 1"));
    }

    void aFigureForAPostHasATitleAKeyFixedYEndsAndBothPlots() {
        const Result r = run({"--dataset", "moons",   "--samples",   "100",     "--epochs",
                              "15",        "--lr",    "1e-3,0.1,10", "--out",   path("post.png"),
                              "--width",   "600",     "--height",    "700",     "--both",
                              "--key",     "--title", "Three rates", "--y-max", "1.5"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
        const QImage image(QString::fromStdString(path("post.png")));
        QCOMPARE(image.size(), QSize(600, 700));
        // The lower plot (success rate) holds curves too: run colours below the middle.
        const QImage lower = image.copy(0, 400, 600, 300);
        int colours = 0;
        for (int i = 0; i < 3; ++i) {
            const QRgb want = lrscope::ui::runColour(i).rgb() & 0xFFFFFF;
            bool seen = false;
            for (int y = 0; y < lower.height() && !seen; ++y) {
                for (int x = 0; x < lower.width() && !seen; ++x) {
                    seen = (lower.pixel(x, y) & 0xFFFFFF) == want;
                }
            }
            colours += seen ? 1 : 0;
        }
        QCOMPARE(colours, 3);
        // --help documents the figure flags.
        const Result help = run({"--help"});
        for (const char* flag : {"--title", "--key", "--y-min", "--y-max", "--both"}) {
            QVERIFY2(help.out.find(flag) != std::string::npos, flag);
        }
    }

    void badInputExitsTwoWithOneLineAndKeepsTheOldFile() {
        QFile old(dir_.filePath("keep.png"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        const std::vector<std::vector<std::string>> bad = {
            {"--out", path("keep.png"), "--lr", "fast"},
            {"--out", path("keep.png"), "--metric", "speed"},
            {"--out", path("keep.png"), "--width", "20"},
            {"--out", path("keep.jpg")},
            {"--lr", "0.1"},
            {"--out", path("keep.png"), "--runs", path("missing.csv")},
            {"--out", path("keep.png"), "--runs", path("runs.csv"), "--epochs", "3"},
            {"--out", path("keep.png"), "--bogus"},
            {"--out", path("keep.png"), "--y-min", "2", "--y-max", "1"},
            {"--out", path("keep.png"), "--y-max", "high"},
            {"--out", path("keep.png"), "--log-y", "--y-min", "0"},
            {"--out", path("keep.png"), "--both", "--metric", "loss"},
            {"--out", path("keep.png"), "--title"},
        };
        for (const auto& args : bad) {
            const Result r = run(args);
            QCOMPARE(r.code, 2);
            QVERIFY2(!r.err.empty() && r.err.find('\n') == r.err.size() - 1, r.err.c_str());
        }
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
    }
};

QTEST_MAIN(TestPlotCommand)
#include "test_plot_command.moc"
