#include "ui/widgets/log_slider.hpp"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QVBoxLayout>

#include "core/base/number_format.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

LogScale::LogScale(double minimum, double maximum, int steps)
    : minimum_(minimum), maximum_(maximum), steps_(steps) {}

double LogScale::valueAt(int position) const {
    if (position <= 0) {
        return minimum_;
    }
    if (position >= steps_) {
        return maximum_;
    }
    const double fraction = static_cast<double>(position) / steps_;
    return minimum_ * std::pow(maximum_ / minimum_, fraction);
}

int LogScale::positionOf(double value) const {
    if (!(value > minimum_)) {
        return 0;
    }
    if (value >= maximum_) {
        return steps_;
    }
    const double fraction = std::log(value / minimum_) / std::log(maximum_ / minimum_);
    return std::clamp(static_cast<int>(std::lround(fraction * steps_)), 0, steps_);
}

namespace {

constexpr int kStepsPerDecade = 100;

// Decade labels drawn under the slider's tick marks.
class DecadeLabels : public QWidget {
public:
    DecadeLabels(const QSlider* slider, const LogScale& scale, QWidget* parent)
        : QWidget(parent), slider_(slider), scale_(scale) {
        setMinimumHeight(fontMetrics().height());
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        setFont(small);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        QStyleOptionSlider option;
        option.initFrom(slider_);
        option.orientation = Qt::Horizontal;
        option.minimum = slider_->minimum();
        option.maximum = slider_->maximum();
        const int handle = slider_->style()->pixelMetric(QStyle::PM_SliderLength, &option, slider_);
        const int span = slider_->width() - handle;
        const int offset = slider_->x() - x() + handle / 2;
        const int decades = scale_.steps() / kStepsPerDecade;
        const int every = width() < 260 ? 2 : 1;
        for (int d = 0; d <= decades; d += every) {
            const int position = d * kStepsPerDecade;
            const int pixel = offset + QStyle::sliderPositionFromValue(
                                           slider_->minimum(), slider_->maximum(), position, span);
            const QString text =
                QString::fromStdString(core::formatCompact(scale_.valueAt(position), 2));
            const int textWidth = fontMetrics().horizontalAdvance(text);
            const int left = std::clamp(pixel - textWidth / 2, 0, width() - textWidth);
            painter.drawText(QRect(left, 0, textWidth, height()), Qt::AlignCenter, text);
        }
    }

private:
    const QSlider* slider_;
    LogScale scale_;
};

// The slider's value for a position: two significant digits, exactly as shown in the box.
double roundedValue(const LogScale& scale, int position) {
    const double raw = scale.valueAt(position);
    const std::string text = core::formatCompact(raw, 2);
    return core::parseDouble(text).value_or(raw);
}

}  // namespace

LogSlider::LogSlider(const QString& name, double sliderMin, double sliderMax, double entryMax,
                     QWidget* parent)
    : QWidget(parent),
      scale_(sliderMin, sliderMax,
             static_cast<int>(std::lround(std::log10(sliderMax / sliderMin))) * kStepsPerDecade),
      slider_(new QSlider(Qt::Horizontal, this)),
      entry_(new NumberField(name, NumberField::Kind::Real, 0.0, entryMax, this)),
      value_(sliderMin) {
    entry_->setBounds(NumberField::Bound::Exclusive, NumberField::Bound::Inclusive);
    slider_->setRange(0, scale_.steps());
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTickInterval(kStepsPerDecade);
    slider_->setSingleStep(kStepsPerDecade / 10);
    slider_->setPageStep(kStepsPerDecade);
    slider_->setAccessibleName(name);
    entry_->setAccessibleName(name);

    auto* labels = new DecadeLabels(slider_, scale_, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(slider_);
    layout->addWidget(labels);

    connect(slider_, &QSlider::valueChanged, this, &LogSlider::onSliderMoved);
    connect(slider_, &QSlider::sliderReleased, this, [this] { emit valueCommitted(value_); });
    connect(slider_, &QSlider::actionTriggered, this, [this](int action) {
        // Keyboard and page clicks: the value is set after this signal, so commit afterwards.
        if (action != QAbstractSlider::SliderMove) {
            QMetaObject::invokeMethod(
                this, [this] { emit valueCommitted(value_); }, Qt::QueuedConnection);
        }
    });
    connect(entry_, &NumberField::numberEdited, this, [this] {
        if (updating_) {
            return;
        }
        value_ = *entry_->value();
        updating_ = true;
        slider_->setValue(scale_.positionOf(value_));
        updating_ = false;
        emit valueChanged(value_);
    });
    // A typed rate counts on Return and on leaving the box (once: Return then Tab is one edit).
    connect(entry_, &QLineEdit::returnPressed, this, [this] {
        if (entry_->isValid()) {
            typedSinceCommit_ = false;
            emit valueCommitted(value_);
        }
    });
    connect(entry_, &QLineEdit::textEdited, this, [this] { typedSinceCommit_ = true; });
    connect(entry_, &QLineEdit::editingFinished, this, [this] {
        if (typedSinceCommit_ && entry_->isValid()) {
            typedSinceCommit_ = false;
            emit valueCommitted(value_);
        }
    });
    connect(entry_, &NumberField::validityChanged, this, &LogSlider::validityChanged);
    setValue(sliderMin);
}

bool LogSlider::isValid() const {
    return entry_->isValid();
}

QString LogSlider::error() const {
    return entry_->error();
}

void LogSlider::setValue(double value) {
    updating_ = true;
    // Scientific notation reads best for rates ("3e-4"), when it is exact.
    const std::string compact = core::formatCompact(value, 6);
    const bool exact = core::parseDouble(compact) == value;
    entry_->setText(QString::fromStdString(exact ? compact : core::formatNumber(value)));
    slider_->setValue(scale_.positionOf(value));
    updating_ = false;
    if (entry_->isValid()) {
        value_ = value;
        emit valueChanged(value_);
    }
}

void LogSlider::onSliderMoved(int position) {
    if (updating_) {
        return;
    }
    value_ = roundedValue(scale_, position);
    updating_ = true;
    entry_->setText(QString::fromStdString(core::formatCompact(value_, 2)));
    updating_ = false;
    emit valueChanged(value_);
}

}  // namespace lrscope::ui
