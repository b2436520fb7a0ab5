#include "ui/export/plot_export.hpp"

#include <cmath>

#include <qcustomplot.h>
#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include "ui/views/curves/run_plot.hpp"

namespace lrscope::ui {

namespace {

QString checkSize(const FigureSize& size) {
    for (const int side : {size.width, size.height}) {
        if (side < kMinFigureSide || side > kMaxFigureSide) {
            return QObject::tr("figure size %1 x %2 is out of range; each side must be %3 to %4")
                .arg(size.width)
                .arg(size.height)
                .arg(kMinFigureSide)
                .arg(kMaxFigureSide);
        }
    }
    if (!(size.scale >= 0.5 && size.scale <= 8.0)) {
        return QObject::tr("scale %1 is out of range; expected 0.5 to 8").arg(size.scale);
    }
    const double pixels = size.width * size.scale * size.height * size.scale;
    if (pixels > 400e6) {
        return QObject::tr("figure of %1 x %2 at scale %3 is too large")
            .arg(size.width)
            .arg(size.height)
            .arg(size.scale);
    }
    return {};
}

// Vector output: everything in device-independent units, no cached pixmaps.
void paintVector(QCustomPlot& plot, QPaintDevice& device, const FigureSize& size) {
    QCPPainter painter(&device);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    plot.toPainter(&painter, size.width, size.height);
    painter.end();
}

// QSvgGenerator states the size in millimetres, which viewers turn into different pixel
// sizes; the figure's size is given in pixels instead.
QByteArray withPixelSize(const QByteArray& svg, const FigureSize& size) {
    QString text = QString::fromUtf8(svg);
    static const QRegularExpression width(QStringLiteral("width=\"[0-9.]+mm\""));
    static const QRegularExpression height(QStringLiteral("height=\"[0-9.]+mm\""));
    const qsizetype svgTag = text.indexOf(QStringLiteral("<svg"));
    const qsizetype tagEnd = text.indexOf(QLatin1Char('>'), svgTag);
    if (svgTag < 0 || tagEnd < 0) {
        return svg;
    }
    QString tag = text.mid(svgTag, tagEnd - svgTag);
    tag.replace(width, QStringLiteral("width=\"%1\"").arg(size.width));
    tag.replace(height, QStringLiteral("height=\"%1\"").arg(size.height));
    text.replace(svgTag, tagEnd - svgTag, tag);
    return text.toUtf8();
}

QString openError(const QSaveFile& file, const QString& path) {
    return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
}

}  // namespace

std::optional<FigureFormat> figureFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        return FigureFormat::Png;
    }
    if (suffix == QLatin1String("pdf")) {
        return FigureFormat::Pdf;
    }
    if (suffix == QLatin1String("svg")) {
        return FigureFormat::Svg;
    }
    return std::nullopt;
}

namespace {

void prepare(QCustomPlot& plot) {
    if (auto* runPlot = qobject_cast<RunPlot*>(&plot)) {
        runPlot->refreshDecorations();
    }
}

}  // namespace

QImage renderFigure(QCustomPlot& plot, const FigureSize& size) {
    prepare(plot);
    QImage image = plot.toPixmap(size.width, size.height, size.scale).toImage();
    // toPixmap() applies the scale through the device pixel ratio; the file should not.
    image.setDevicePixelRatio(1.0);
    return image;
}

QString exportFigure(QCustomPlot& plot, const QString& path, const FigureSize& size) {
    const auto format = figureFormatFor(path);
    if (!format) {
        return QObject::tr("%1: unknown figure format; use a name ending in .png, .pdf or .svg")
            .arg(path);
    }
    if (const QString error = checkSize(size); !error.isEmpty()) {
        return error;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return openError(file, path);
    }
    prepare(plot);
    switch (*format) {
        case FigureFormat::Png: {
            const QImage image = renderFigure(plot, size);
            if (image.isNull() || !image.save(&file, "PNG")) {
                file.cancelWriting();
                return QObject::tr("%1: could not render the PNG image").arg(path);
            }
            break;
        }
        case FigureFormat::Pdf: {
            QPdfWriter writer(&file);
            writer.setCreator(QStringLiteral("lrscope"));
            writer.setTitle(QFileInfo(path).completeBaseName());
            writer.setResolution(72);  // one pixel of the figure is one point of the page
            writer.setPageSize(QPageSize(QSizeF(size.width, size.height), QPageSize::Point,
                                         QString(), QPageSize::ExactMatch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            paintVector(plot, writer, size);
            break;
        }
        case FigureFormat::Svg: {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QSvgGenerator generator;
            generator.setOutputDevice(&buffer);
            generator.setSize(QSize(size.width, size.height));
            generator.setViewBox(QRect(0, 0, size.width, size.height));
            generator.setTitle(QFileInfo(path).completeBaseName());
            generator.setDescription(QStringLiteral("Made with lrscope"));
            paintVector(plot, generator, size);
            file.write(withPixelSize(buffer.data(), size));
            break;
        }
    }
    if (!file.commit()) {
        return openError(file, path);
    }
    return {};
}

}  // namespace lrscope::ui
