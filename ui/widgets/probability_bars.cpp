#include "ui/widgets/probability_bars.hpp"

#include <algorithm>

#include <QPainter>

#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

namespace {

constexpr int kRowGap = 3;
constexpr int kMaxRowsForHint = 3;

}  // namespace

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void ProbabilityBars::setProbabilities(const QStringList& names, std::vector<double> probabilities,
                                       std::vector<QColor> colours) {
    names_ = names;
    values_ = std::move(probabilities);
    colours_ = std::move(colours);
    bars_ = true;
    updateGeometry();
    update();
}

void ProbabilityBars::setOutputs(const QStringList& names, std::vector<double> outputs) {
    names_ = names;
    values_ = std::move(outputs);
    colours_.clear();
    bars_ = false;
    updateGeometry();
    update();
}

void ProbabilityBars::setHint(const QString& hint) {
    hint_ = hint;
    names_.clear();
    values_.clear();
    update();
}

QSize ProbabilityBars::sizeHint() const {
    const int rows = std::max(static_cast<int>(values_.size()), kMaxRowsForHint);
    return {220, rows * (fontMetrics().height() + kRowGap) + 4};
}

QSize ProbabilityBars::minimumSizeHint() const {
    return {160, sizeHint().height()};
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    if (values_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(2, 2, -2, -2),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, hint_);
        return;
    }
    int nameWidth = 0;
    for (const QString& name : names_) {
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
    }
    nameWidth = std::min(nameWidth + 6, width() / 3);
    const int valueWidth = metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
    const int barLeft = nameWidth;
    const int barWidth = std::max(10, width() - nameWidth - valueWidth - 4);
    const auto best = std::max_element(values_.begin(), values_.end()) - values_.begin();
    const int rowHeight = metrics.height() + kRowGap;
    for (size_t i = 0; i < values_.size(); ++i) {
        const int top = 2 + static_cast<int>(i) * rowHeight;
        QFont font = painter.font();
        font.setBold(static_cast<long>(i) == best);
        painter.setFont(font);
        painter.setPen(palette().color(QPalette::WindowText));
        const QString name = names_.value(static_cast<int>(i), QString::number(i));
        painter.drawText(QRect(0, top, nameWidth - 4, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(name, Qt::ElideRight, nameWidth - 4));
        QString value;
        if (bars_) {
            const double p = std::clamp(values_[i], 0.0, 1.0);
            const QRect track(barLeft, top + 2, barWidth, rowHeight - 4);
            painter.fillRect(track, QColor(0xEE, 0xEE, 0xEE));
            painter.fillRect(QRect(track.left(), track.top(),
                                   static_cast<int>(p * track.width() + 0.5), track.height()),
                             colours_.size() > i ? colours_[i] : QColor(0x0072B2));
            value = QStringLiteral("%1 %").arg(p * 100.0, 0, 'f', 1);
        } else {
            value = compactNumber(values_[i]);
        }
        painter.drawText(QRect(barLeft + barWidth + 4, top, valueWidth, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, value);
    }
}

}  // namespace lrscope::ui
