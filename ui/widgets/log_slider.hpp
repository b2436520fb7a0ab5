#pragma once

#include <QWidget>

class QSlider;

namespace lrscope::ui {

class NumberField;

// Logarithmic mapping between slider positions 0..steps and values minimum..maximum:
// value = minimum * (maximum / minimum)^(position / steps).
class LogScale {
public:
    LogScale(double minimum, double maximum, int steps);

    double valueAt(int position) const;
    int positionOf(double value) const;  // nearest position; out-of-range values clamp

    double minimum() const { return minimum_; }
    double maximum() const { return maximum_; }
    int steps() const { return steps_; }

private:
    double minimum_;
    double maximum_;
    int steps_;
};

// A logarithmic slider with an exact entry box. Dragging gives round values (two significant
// digits); the box takes any number in range, in plain or scientific notation ("3e-4"), and
// moves the slider to the nearest position without changing the typed value. The widget lays
// out the slider and its decade labels; the caller places entry() where it reads best.
class LogSlider : public QWidget {
    Q_OBJECT
public:
    // The slider spans [sliderMin, sliderMax]; the box accepts (0, entryMax].
    LogSlider(const QString& name, double sliderMin, double sliderMax, double entryMax,
              QWidget* parent = nullptr);

    double value() const { return value_; }  // the last valid value
    bool isValid() const;
    QString error() const;
    void setValue(double value);

    const LogScale& scale() const { return scale_; }
    QSlider* slider() const { return slider_; }
    NumberField* entry() const { return entry_; }

signals:
    void valueChanged(double value);    // every valid change, while dragging too
    void valueCommitted(double value);  // a finished gesture: release, key step, Return
    void validityChanged(bool valid);

private:
    void onSliderMoved(int position);

    LogScale scale_;
    bool typedSinceCommit_ = false;  // the entry was typed in since the last commit
    QSlider* slider_;
    NumberField* entry_;
    double value_;
    bool updating_ = false;
};

}  // namespace lrscope::ui
