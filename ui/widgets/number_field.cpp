#include "ui/widgets/number_field.hpp"

#include <cmath>

#include "core/base/number_format.hpp"

namespace lrscope::ui {

namespace {
constexpr const char* kHelpProperty = "lrscopeHelpText";
constexpr const char* kInvalidProperty = "lrscopeInvalid";
}  // namespace

void markInvalid(QWidget* widget, const QString& reason) {
    const QString help = widget->property(kHelpProperty).toString();
    const bool wasInvalid = widget->property(kInvalidProperty).toBool();
    if (reason.isEmpty()) {
        if (wasInvalid) {
            widget->setStyleSheet(QString());
            widget->setProperty(kInvalidProperty, false);
        }
        widget->setToolTip(help);
        return;
    }
    if (!wasInvalid) {
        widget->setStyleSheet(QStringLiteral("border: 2px solid #D55E00; background: #FFF1E8;"));
        widget->setProperty(kInvalidProperty, true);
    }
    widget->setToolTip(help.isEmpty() ? reason : reason + QStringLiteral("\n\n") + help);
}

void setHelpText(QWidget* widget, const QString& help) {
    widget->setProperty(kHelpProperty, help);
    if (!widget->property(kInvalidProperty).toBool()) {
        widget->setToolTip(help);
    }
}

NumberField::NumberField(const QString& name, Kind kind, double minimum, double maximum,
                         QWidget* parent)
    : QLineEdit(parent), name_(name), kind_(kind), minimum_(minimum), maximum_(maximum) {
    connect(this, &QLineEdit::textChanged, this, [this] {
        const bool wasValid = isValid();
        const QString oldError = error_;
        revalidate();
        // The reason changes too ("'-' is not a number" -> "-1 is out of range"): whoever
        // shows it must hear of it.
        if (wasValid != isValid() || oldError != error_) {
            emit validityChanged(isValid());
        }
        if (isValid()) {
            emit numberEdited();
        }
    });
    revalidate();
}

void NumberField::setBounds(Bound lower, Bound upper) {
    lower_ = lower;
    upper_ = upper;
    revalidate();
}

std::optional<double> NumberField::value() const {
    return value_;
}

long NumberField::integerValue() const {
    return value_ ? std::lround(*value_) : 0;
}

void NumberField::setNumber(double value) {
    setText(QString::fromStdString(core::formatNumber(value)));
}

void NumberField::setInteger(long value) {
    setText(QString::number(value));
}

QString NumberField::rangeText() const {
    // Whole-number fields read as whole numbers ("1000000", not "1e+06").
    const auto shown = [this](double bound) {
        return kind_ == Kind::Integer ? QString::number(static_cast<long long>(bound))
                                      : QString::fromStdString(core::formatNumber(bound));
    };
    const QString low = shown(minimum_);
    const QString high = shown(maximum_);
    const QString lowOp = lower_ == Bound::Inclusive ? QStringLiteral("≤") : QStringLiteral("<");
    const QString highOp = upper_ == Bound::Inclusive ? QStringLiteral("≤") : QStringLiteral("<");
    return QStringLiteral("%1 %2 %3 %4 %5").arg(low, lowOp, name_, highOp, high);
}

void NumberField::revalidate() {
    value_.reset();
    const std::string text = this->text().trimmed().toStdString();
    const QString shown = this->text().trimmed();
    if (text.empty()) {
        error_ = QStringLiteral("%1: enter a number").arg(name_);
    } else if (kind_ == Kind::Integer) {
        const auto parsed = core::parseLong(text);
        if (!parsed) {
            error_ = QStringLiteral("%1: '%2' is not a whole number").arg(name_, shown);
        } else {
            value_ = static_cast<double>(*parsed);
        }
    } else {
        const auto parsed = core::parseDouble(text);
        if (!parsed) {
            error_ = QStringLiteral("%1: '%2' is not a number").arg(name_, shown);
        } else if (!std::isfinite(*parsed)) {
            error_ = QStringLiteral("%1: must be a finite number").arg(name_);
        } else {
            value_ = *parsed;
        }
    }
    if (value_) {
        const double v = *value_;
        const bool lowOk = lower_ == Bound::Inclusive ? v >= minimum_ : v > minimum_;
        const bool highOk = upper_ == Bound::Inclusive ? v <= maximum_ : v < maximum_;
        if (lowOk && highOk) {
            error_.clear();
        } else {
            error_ = QStringLiteral("%1: %2 is out of range; expected %3")
                         .arg(name_, shown, rangeText());
            value_.reset();
        }
    }
    // The name is lower case for the middle of "0 < batch size"; a message starts with it.
    if (!error_.isEmpty()) {
        error_[0] = error_[0].toUpper();
    }
    markInvalid(this, error_);
}

}  // namespace lrscope::ui
