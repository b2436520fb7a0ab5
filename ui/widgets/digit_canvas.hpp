#pragma once

#include <array>

#include <QWidget>

namespace lrscope::ui {

// An 8 x 8 canvas to draw a digit on, with intensities 0..16 as in the digits data set
// (pixel_0..pixel_63, row by row). Dragging with the left button paints: the cell under the
// pointer becomes 16 and its four neighbours gain a soft edge; the right button erases.
class DigitCanvas : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSide = 8;
    static constexpr double kMaxIntensity = 16.0;
    static constexpr double kEdgeIntensity = 5.0;  // added to a painted cell's neighbours

    explicit DigitCanvas(QWidget* parent = nullptr);

    const std::array<double, kSide * kSide>& values() const { return values_; }
    void setValues(const std::array<double, kSide * kSide>& values);
    void clear();
    // The cell under a widget position, as row * 8 + column; -1 outside the grid.
    int cellAt(QPoint position) const;
    QRect cellRect(int cell) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void paintAt(QPoint position, Qt::MouseButtons buttons);
    int cellSize() const;

    std::array<double, kSide * kSide> values_{};
    int lastCell_ = -1;  // a drag paints each cell it enters once
};

}  // namespace lrscope::ui
