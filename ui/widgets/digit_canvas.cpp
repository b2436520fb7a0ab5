#include "ui/widgets/digit_canvas.hpp"

#include <algorithm>

#include <QMouseEvent>
#include <QPainter>

namespace lrscope::ui {

DigitCanvas::DigitCanvas(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Draw a digit: left button paints, right button erases."));
}

QSize DigitCanvas::sizeHint() const {
    return {kSide * 26 + 1, kSide * 26 + 1};
}

QSize DigitCanvas::minimumSizeHint() const {
    return sizeHint();
}

int DigitCanvas::cellSize() const {
    return std::max(1, (std::min(width(), height()) - 1) / kSide);
}

QRect DigitCanvas::cellRect(int cell) const {
    const int size = cellSize();
    return {(cell % kSide) * size, (cell / kSide) * size, size, size};
}

int DigitCanvas::cellAt(QPoint position) const {
    const int size = cellSize();
    const int column = position.x() / size;
    const int row = position.y() / size;
    if (position.x() < 0 || position.y() < 0 || column >= kSide || row >= kSide) {
        return -1;
    }
    return row * kSide + column;
}

void DigitCanvas::setValues(const std::array<double, kSide * kSide>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
        values_[i] = std::clamp(values[i], 0.0, kMaxIntensity);
    }
    update();
    emit changed();
}

void DigitCanvas::clear() {
    values_.fill(0.0);
    update();
    emit changed();
}

void DigitCanvas::paintAt(QPoint position, Qt::MouseButtons buttons) {
    const int cell = cellAt(position);
    if (cell < 0 || cell == lastCell_) {
        return;
    }
    lastCell_ = cell;
    const auto index = static_cast<size_t>(cell);
    if (buttons & Qt::RightButton) {
        values_[index] = 0.0;
    } else if (buttons & Qt::LeftButton) {
        values_[index] = kMaxIntensity;
        const int row = cell / kSide;
        const int column = cell % kSide;
        const int neighbours[4][2] = {
            {row - 1, column}, {row + 1, column}, {row, column - 1}, {row, column + 1}};
        for (const auto& [r, c] : neighbours) {
            if (r >= 0 && r < kSide && c >= 0 && c < kSide) {
                double& v = values_[static_cast<size_t>(r * kSide + c)];
                v = std::min(kMaxIntensity, v + kEdgeIntensity);
            }
        }
    } else {
        return;
    }
    update();
    emit changed();
}

void DigitCanvas::mousePressEvent(QMouseEvent* event) {
    lastCell_ = -1;
    paintAt(event->position().toPoint(), event->buttons());
}

void DigitCanvas::mouseMoveEvent(QMouseEvent* event) {
    paintAt(event->position().toPoint(), event->buttons());
}

void DigitCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    for (int cell = 0; cell < kSide * kSide; ++cell) {
        // 0 is white and 16 black, as the digits are usually shown.
        const int grey =
            255 -
            static_cast<int>(255.0 * values_[static_cast<size_t>(cell)] / kMaxIntensity + 0.5);
        painter.fillRect(cellRect(cell), QColor(grey, grey, grey));
    }
    painter.setPen(QPen(QColor(0xC0, 0xC0, 0xC0), 1));
    const int size = cellSize();
    for (int i = 0; i <= kSide; ++i) {
        painter.drawLine(i * size, 0, i * size, kSide * size);
        painter.drawLine(0, i * size, kSide * size, i * size);
    }
}

}  // namespace lrscope::ui
