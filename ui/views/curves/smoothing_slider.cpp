#include "ui/views/curves/smoothing_slider.hpp"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace lrscope::ui {

namespace {

constexpr int kSteps = 1000;  // the weight is the slider's value / kSteps
constexpr int kMaxValue = 999;

}  // namespace

SmoothingSlider::SmoothingSlider(QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), value_(new QLabel(this)) {
    slider_->setRange(0, kMaxValue);
    slider_->setPageStep(50);
    slider_->setMinimumWidth(90);
    slider_->setMaximumWidth(140);
    const QString tip =
        tr("Smoothing as TensorBoard does it: a debiased moving average of each curve. The raw "
           "curve stays faint behind; exported runs stay raw.");
    slider_->setToolTip(tip);
    auto* label = new QLabel(tr("Smoothing"), this);
    label->setToolTip(tip);
    // Room for "0.000" however the weight moves, so the bar does not jump.
    value_->setMinimumWidth(value_->fontMetrics().horizontalAdvance(QStringLiteral("0.000")) + 2);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(slider_);
    layout->addWidget(value_);
    const auto show = [this] { value_->setText(QString::number(weight(), 'f', 3)); };
    connect(slider_, &QSlider::valueChanged, this, [this, show] {
        show();
        emit weightChanged(weight());
    });
    show();
}

double SmoothingSlider::weight() const {
    return static_cast<double>(slider_->value()) / kSteps;
}

void SmoothingSlider::setWeight(double weight) {
    const double steps = std::isfinite(weight) ? std::round(weight * kSteps) : 0.0;
    slider_->setValue(static_cast<int>(std::clamp(steps, 0.0, static_cast<double>(kMaxValue))));
}

}  // namespace lrscope::ui
