#pragma once

#include <QWidget>

class QLabel;
class QSlider;

namespace lrscope::ui {

// "Smoothing [----o---] 0.60": TensorBoard's smoothing weight from 0 (raw curves) to 0.999,
// in steps of 0.001.
class SmoothingSlider : public QWidget {
    Q_OBJECT
public:
    explicit SmoothingSlider(QWidget* parent = nullptr);

    double weight() const;
    // Rounded to the slider's 0.001 steps and kept in 0..0.999.
    void setWeight(double weight);
    QSlider* slider() const { return slider_; }

signals:
    void weightChanged(double weight);

private:
    QSlider* slider_;
    QLabel* value_;
};

}  // namespace lrscope::ui
