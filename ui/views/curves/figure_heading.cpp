#include "ui/views/curves/figure_heading.hpp"

#include <QFontMetrics>

namespace lrscope::ui {

namespace {

constexpr int kSampleWidth = 32;  // the length of a line sample in the key
constexpr int kSampleGap = 6;     // between a sample and its word
constexpr int kEntryGap = 24;     // between the key's two entries
constexpr int kLinePadding = 4;
const QColor kInk(0x30, 0x30, 0x30);
const QColor kKeyInk(0x55, 0x55, 0x55);

}  // namespace

FigureHeading::FigureHeading(QCustomPlot* plot) : QCPLayoutElement(plot) {
    setLayer(QStringLiteral("axes"));
}

void FigureHeading::setTitle(const QString& title) {
    title_ = title;
}

void FigureHeading::setKey(bool train, bool test) {
    keyTrain_ = train;
    keyTest_ = test;
}

QFont FigureHeading::titleFont() const {
    QFont font = mParentPlot->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    return font;
}

QFont FigureHeading::keyFont() const {
    QFont font = mParentPlot->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

int FigureHeading::titleHeight() const {
    return title_.isEmpty() ? 0 : QFontMetrics(titleFont()).height() + 2 * kLinePadding;
}

int FigureHeading::keyHeight() const {
    return keyShown() ? QFontMetrics(keyFont()).height() + kLinePadding : 0;
}

QSize FigureHeading::minimumOuterSizeHint() const {
    return {0, titleHeight() + keyHeight() + mMargins.top() + mMargins.bottom()};
}

QSize FigureHeading::maximumOuterSizeHint() const {
    return {QWIDGETSIZE_MAX, minimumOuterSizeHint().height()};
}

void FigureHeading::draw(QCPPainter* painter) {
    const QRect area = mRect;
    int top = area.top();
    if (!title_.isEmpty()) {
        painter->setFont(titleFont());
        painter->setPen(kInk);
        painter->drawText(QRect(area.left(), top, area.width(), titleHeight()), Qt::AlignCenter,
                          title_);
        top += titleHeight();
    }
    if (!keyShown()) {
        return;
    }
    // Entries centred as a group: a line sample, its word, and the next entry.
    const QFont font = keyFont();
    const QFontMetrics metrics(font);
    struct Entry {
        QString word;
        Qt::PenStyle style;
        double width;
    };
    std::vector<Entry> entries;
    if (keyTrain_) {
        entries.push_back({tr("train"), Qt::SolidLine, 2.0});
    }
    if (keyTest_) {
        entries.push_back({tr("test"), Qt::DashLine, 1.0});
    }
    int total = 0;
    for (const Entry& entry : entries) {
        total += kSampleWidth + kSampleGap + metrics.horizontalAdvance(entry.word);
    }
    total += kEntryGap * static_cast<int>(entries.size() - 1);
    int x = area.left() + (area.width() - total) / 2;
    const int height = keyHeight();
    const double middle = top + height / 2.0;
    painter->setFont(font);
    for (const Entry& entry : entries) {
        QPen pen(kKeyInk, entry.width, entry.style);
        painter->setPen(pen);
        painter->drawLine(QLineF(x, middle, x + kSampleWidth, middle));
        x += kSampleWidth + kSampleGap;
        painter->setPen(kKeyInk);
        const int wordWidth = metrics.horizontalAdvance(entry.word);
        painter->drawText(QRect(x, top, wordWidth + 2, height), Qt::AlignLeft | Qt::AlignVCenter,
                          entry.word);
        x += wordWidth + kEntryGap;
    }
}

}  // namespace lrscope::ui
