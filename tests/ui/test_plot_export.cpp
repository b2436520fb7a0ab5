// Figures: PNG, PDF and SVG are written at the requested size and are not blank; a failed
// save leaves an existing file untouched.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPicture>
#include <QPushButton>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.hpp"
#include "ui/export/figure_dressing.hpp"
#include "ui/export/plot_export.hpp"
#include "ui/export/save_plot_dialog.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/views/curves/run_plot.hpp"

using namespace lrscope;

namespace {

// Share of pixels that differ from the corner (background) colour.
double inkedShare(const QImage& image) {
    const QRgb background = image.pixel(0, 0);
    long inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            inked += image.pixel(x, y) != background ? 1 : 0;
        }
    }
    return static_cast<double>(inked) / (static_cast<double>(image.width()) * image.height());
}

// Distinct run colours present in the image (the curves are drawn).
int runColoursFound(const QImage& image, int runs) {
    int found = 0;
    for (int r = 0; r < runs; ++r) {
        const QRgb colour = ui::runColour(r).rgb();
        bool seen = false;
        for (int y = 0; y < image.height() && !seen; ++y) {
            for (int x = 0; x < image.width() && !seen; ++x) {
                seen = (image.pixel(x, y) & 0xFFFFFF) == (colour & 0xFFFFFF);
            }
        }
        found += seen ? 1 : 0;
    }
    return found;
}

}  // namespace

class TestPlotExport : public QObject {
    Q_OBJECT
private:
    ui::RunStore store_;
    std::unique_ptr<ui::RunPlot> plot_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        plot_ = std::make_unique<ui::RunPlot>(store_, ui::PlotMetric::Loss);
        plot_->resize(640, 400);
        for (int r = 0; r < 3; ++r) {
            core::RunConfig config = test::smallConfig(30);
            config.optimizer.lr = 0.01 * (r + 1) * 5;
            const auto id = static_cast<core::RunId>(r + 1);
            test::addTrainedRun(store_, id, config);
            store_.setName(id, QStringLiteral("run %1").arg(r + 1));
        }
    }

    void formatFollowsTheSuffix() {
        QCOMPARE(ui::figureFormatFor(QStringLiteral("a/b.PNG")), ui::FigureFormat::Png);
        QCOMPARE(ui::figureFormatFor(QStringLiteral("x.pdf")), ui::FigureFormat::Pdf);
        QCOMPARE(ui::figureFormatFor(QStringLiteral("x.svg")), ui::FigureFormat::Svg);
        QVERIFY(!ui::figureFormatFor(QStringLiteral("x.jpg")).has_value());
    }

    void pngHasTheRequestedSizeAndScale() {
        const QString path = dir_.filePath(QStringLiteral("plot.png"));
        const QString error = ui::exportFigure(*plot_, path, {800, 500, 2.0});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY(inkedShare(image) > 0.02);
        QCOMPARE(runColoursFound(image, 3), 3);
        // The on-screen plot keeps its own size.
        QCOMPARE(plot_->size(), QSize(640, 400));
    }

    void pdfIsOnePageOfTheRequestedSize() {
        const QString path = dir_.filePath(QStringLiteral("plot.pdf"));
        const ui::FigureSize size{720, 360, 1.0};  // PDF points: 10 x 5 inches
        const QString error = ui::exportFigure(*plot_, path, size);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 2000);
        const QString text = QString::fromLatin1(pdf);
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))), 1);
        const QRegularExpression box(
            QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)"));
        const auto match = box.match(text);
        QVERIFY(match.hasMatch());
        QVERIFY(std::abs(match.captured(1).toDouble() - size.width) < 1.0);
        QVERIFY(std::abs(match.captured(2).toDouble() - size.height) < 1.0);
    }

    void svgRendersAtTheRequestedSize() {
        const QString path = dir_.filePath(QStringLiteral("plot.svg"));
        const QString error = ui::exportFigure(*plot_, path, {900, 450, 1.0});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.defaultSize(), QSize(900, 450));
        QImage image(900, 450, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QVERIFY(inkedShare(image) > 0.02);
        QCOMPARE(runColoursFound(image, 3), 3);
    }

    void figureOptionsApplyWhileDrawingAndAreTakenOffAfterwards() {
        const QCPRange before = plot_->yAxis->range();
        ui::FigureOptions options;
        options.title = QStringLiteral("Three rates");
        options.seriesKey = true;
        options.yMax = 0.5;
        {
            const ui::FigureDressing dressing({plot_.get()}, {800, 500, 1.0}, options);
            QCOMPARE(plot_->title(), QStringLiteral("Three rates"));
            QVERIFY(plot_->seriesKeyShown());
            QCOMPARE(plot_->yAxis->range().upper, 0.5);
            QCOMPARE(plot_->plotLayout()->rowCount(), 2);  // the heading above the plot
        }
        QVERIFY(plot_->title().isEmpty());
        QVERIFY(!plot_->seriesKeyShown());
        QVERIFY(!plot_->yLimitHigh().has_value());
        QCOMPARE(plot_->yAxis->range(), before);
        QCOMPARE(plot_->plotLayout()->rowCount(), 1);
    }

    void aTwoPlotFigureLinesUpItsPlotAreas() {
        // Seven runs put the loss plot's legend beside it; the lower plot has none, and its
        // tick labels (0..100) are wider: the two plot areas still share both edges.
        ui::RunStore store;
        ui::RunPlot upper(store, ui::PlotMetric::Loss);
        ui::RunPlot lower(store, ui::PlotMetric::SuccessPercent);
        lower.setLegendShown(false);
        for (core::RunId id = 1; id <= 7; ++id) {
            core::RunConfig config = test::smallConfig(10);
            config.optimizer.lr = 0.02 * static_cast<double>(id);
            test::addTrainedRun(store, id, config);
        }
        QVERIFY(upper.legendOutside());
        const ui::FigureSize size{900, 800, 1.0};
        {
            const ui::FigureDressing dressing({&upper, &lower}, size, ui::FigureOptions{});
            QPicture picture;
            QCPPainter painter(&picture);
            dressing.paint(painter);
            painter.end();
            QCOMPARE(upper.axisRect()->left(), lower.axisRect()->left());
            QCOMPARE(upper.axisRect()->right(), lower.axisRect()->right());
            // The loss plot takes 55 % of the height, the lower plot the rest.
            QVERIFY(upper.axisRect()->outerRect().bottom() < 440);
        }
        const QString path = dir_.filePath(QStringLiteral("both.png"));
        QVERIFY(ui::exportFigure({&upper, &lower}, path, size, {}).isEmpty());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(900, 800));
        // Both halves hold curves.
        QVERIFY(inkedShare(image.copy(0, 0, 900, 440)) > 0.02);
        QVERIFY(inkedShare(image.copy(0, 440, 900, 360)) > 0.02);
    }

    void theSaveDialogOffersBothPlotsAndChecksTheYEnds() {
        ui::RunStore store;
        ui::RunPlot upper(store, ui::PlotMetric::Loss);
        ui::RunPlot lower(store, ui::PlotMetric::SuccessPercent);
        ui::SavePlotDialog dialog(
            {{QStringLiteral("Loss"), &upper}, {QStringLiteral("Second"), &lower}},
            dir_.filePath(QStringLiteral("d.pdf")));
        auto* plot = dialog.findChild<QComboBox*>();
        QCOMPARE(plot->count(), 3);
        plot->setCurrentIndex(2);
        QCOMPARE(dialog.plots(), (ui::PlotStack{&upper, &lower}));
        auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        QList<QLineEdit*> edits = dialog.findChildren<QLineEdit*>();
        QLineEdit* yFrom = nullptr;
        QLineEdit* yTo = nullptr;
        for (QLineEdit* edit : edits) {
            if (edit->placeholderText() == QStringLiteral("as shown")) {
                (yFrom == nullptr ? yFrom : yTo) = edit;
            }
        }
        QVERIFY(yFrom != nullptr && yTo != nullptr);
        yFrom->setText(QStringLiteral("2"));
        yTo->setText(QStringLiteral("1"));
        QVERIFY(!save->isEnabled());
        yTo->setText(QStringLiteral("x"));
        QVERIFY(!save->isEnabled());
        QVERIFY(yTo->toolTip().contains(QStringLiteral("'x' is not a number")));
        yTo->setText(QStringLiteral("3"));
        QVERIFY(save->isEnabled());
        QCOMPARE(dialog.figureOptions().yMin, std::optional<double>(2.0));
        QCOMPARE(dialog.figureOptions().yMax, std::optional<double>(3.0));
        QVERIFY(dialog.figureOptions().seriesKey);
    }

    void contradictoryYEndsAreExplained() {
        QVERIFY(ui::yLimitsProblem(std::nullopt, std::nullopt, false).isEmpty());
        QVERIFY(ui::yLimitsProblem(0.0, 2.0, false).isEmpty());
        QVERIFY(ui::yLimitsProblem(2.0, 1.0, false).contains(QStringLiteral("not below")));
        QVERIFY(ui::yLimitsProblem(0.0, std::nullopt, true).contains(QStringLiteral("log")));
        QVERIFY(!ui::yLimitsProblem(std::nullopt, std::numeric_limits<double>::infinity(), false)
                     .isEmpty());
    }

    void failuresLeaveAnExistingFileUntouched() {
        const QString path = dir_.filePath(QStringLiteral("keep.png"));
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old contents");
        existing.close();
        QVERIFY(!ui::exportFigure(*plot_, path, {5, 500, 1.0}).isEmpty());  // too small
        QVERIFY(!ui::exportFigure(*plot_, dir_.filePath(QStringLiteral("x.bmp")), {}).isEmpty());
        QVERIFY(!ui::exportFigure(*plot_, QStringLiteral("/nonexistent/dir/x.png"), {}).isEmpty());
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("old contents"));
    }
};

QTEST_MAIN(TestPlotExport)
#include "test_plot_export.moc"
