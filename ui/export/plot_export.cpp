#include "ui/export/plot_export.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <qcustomplot.h>
#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "ui/export/figure_dressing.hpp"

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

QString yLimitsProblem(std::optional<double> low, std::optional<double> high, bool logY) {
    for (const auto& [end, name] :
         {std::pair{low, QObject::tr("y from")}, std::pair{high, QObject::tr("y to")}}) {
        if (end && !std::isfinite(*end)) {
            return QObject::tr("%1 must be a finite number").arg(name);
        }
        if (end && logY && *end <= 0.0) {
            return QObject::tr("%1 is %2, but a log axis only shows values above 0")
                .arg(name, QString::number(*end));
        }
    }
    if (low && high && !(*low < *high)) {
        return QObject::tr("y from %1 is not below y to %2")
            .arg(QString::number(*low), QString::number(*high));
    }
    return {};
}

namespace {

QImage paintImage(const FigureDressing& dressing, const FigureSize& size) {
    QImage image(static_cast<int>(std::lround(size.width * size.scale)),
                 static_cast<int>(std::lround(size.height * size.scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    painter.setMode(QCPPainter::pmNoCaching);
    if (size.scale > 1.0) {
        painter.setMode(QCPPainter::pmNonCosmetic);
    }
    painter.scale(size.scale, size.scale);
    dressing.paint(painter);
    painter.end();
    return image;
}

// Vector output: everything in device-independent units, no cached pixmaps.
void paintVector(const FigureDressing& dressing, QPaintDevice& device) {
    QCPPainter painter(&device);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    dressing.paint(painter);
    painter.end();
}

QByteArray encode(FigureFormat format, const FigureDressing& dressing, const FigureSize& size,
                  const QString& title) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
        case FigureFormat::Png: {
            const QImage image = paintImage(dressing, size);
            if (image.isNull() || !image.save(&buffer, "PNG")) {
                return {};
            }
            break;
        }
        case FigureFormat::Pdf: {
            QPdfWriter writer(&buffer);
            writer.setCreator(QStringLiteral("lrscope"));
            writer.setTitle(title);
            writer.setResolution(72);  // one pixel of the figure is one point of the page
            writer.setPageSize(QPageSize(QSizeF(size.width, size.height), QPageSize::Point,
                                         QString(), QPageSize::ExactMatch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            paintVector(dressing, writer);
            break;
        }
        case FigureFormat::Svg: {
            QBuffer svg;
            svg.open(QIODevice::WriteOnly);
            QSvgGenerator generator;
            generator.setOutputDevice(&svg);
            generator.setSize(QSize(size.width, size.height));
            generator.setViewBox(QRect(0, 0, size.width, size.height));
            generator.setTitle(title);
            generator.setDescription(QStringLiteral("Made with lrscope"));
            paintVector(dressing, generator);
            buffer.write(withPixelSize(svg.data(), size));
            break;
        }
    }
    return buffer.data();
}

}  // namespace

QImage renderFigure(QCustomPlot& plot, const FigureSize& size) {
    return renderFigure(PlotStack{&plot}, size, FigureOptions{});
}

QImage renderFigure(const PlotStack& stack, const FigureSize& size, const FigureOptions& options) {
    const FigureDressing dressing(stack, size, options);
    return paintImage(dressing, size);
}

QString exportFigure(QCustomPlot& plot, const QString& path, const FigureSize& size) {
    return exportFigure(PlotStack{&plot}, path, size, FigureOptions{});
}

QString exportFigure(const PlotStack& stack, const QString& path, const FigureSize& size,
                     const FigureOptions& options) {
    const auto format = figureFormatFor(path);
    if (!format) {
        return QObject::tr("%1: unknown figure format; use a name ending in .png, .pdf or .svg")
            .arg(path);
    }
    if (const QString error = checkSize(size); !error.isEmpty()) {
        return error;
    }
    if (stack.empty() || std::find(stack.begin(), stack.end(), nullptr) != stack.end()) {
        return QObject::tr("%1: no plot to draw").arg(path);
    }
    const QString title =
        options.title.isEmpty() ? QFileInfo(path).completeBaseName() : options.title;
    QByteArray bytes;
    {
        const FigureDressing dressing(stack, size, options);
        bytes = encode(*format, dressing, size, title);
    }
    if (bytes.isEmpty()) {
        return QObject::tr("%1: could not render the figure").arg(path);
    }
    try {
        core::writeFileAtomically(
            path.toStdString(),
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const core::InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace lrscope::ui
