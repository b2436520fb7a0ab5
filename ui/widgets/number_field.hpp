#pragma once

#include <optional>

#include <QLineEdit>

namespace lrscope::ui {

// A line edit for one number with a name and an accepted range. Scientific notation is
// accepted ("3e-4"). An invalid entry is marked in place (red frame, the reason as tooltip)
// and error() says why; the last valid value is not kept, so a caller always sees either a
// valid number or a reason.
class NumberField : public QLineEdit {
    Q_OBJECT
public:
    enum class Kind { Real, Integer };
    enum class Bound { Inclusive, Exclusive };

    NumberField(const QString& name, Kind kind, double minimum, double maximum,
                QWidget* parent = nullptr);

    void setBounds(Bound lower, Bound upper);

    std::optional<double> value() const;  // nullopt while the entry is invalid
    long integerValue() const;            // only meaningful while valid
    QString error() const { return error_; }
    bool isValid() const { return error_.isEmpty(); }

    void setNumber(double value);
    void setInteger(long value);

    const QString& name() const { return name_; }

signals:
    // Emitted on every edit that leaves a valid number.
    void numberEdited();
    // Emitted when validity flips or the reason it is invalid changes.
    void validityChanged(bool valid);

private:
    void revalidate();
    QString rangeText() const;

    QString name_;
    Kind kind_;
    double minimum_;
    double maximum_;
    Bound lower_ = Bound::Inclusive;
    Bound upper_ = Bound::Inclusive;
    std::optional<double> value_;
    QString error_;
};

// Marks a widget as holding an invalid entry (or clears the mark, given an empty reason).
// While marked, the tooltip is the reason; afterwards the help text set below returns.
void markInvalid(QWidget* widget, const QString& reason);
void setHelpText(QWidget* widget, const QString& help);

}  // namespace lrscope::ui
