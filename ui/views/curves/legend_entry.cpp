#include "ui/views/curves/legend_entry.hpp"

namespace lrscope::ui {

LegendEntry::LegendEntry(QCPLegend* legend, QCPAbstractPlottable* plottable)
    : QCPPlottableLegendItem(legend, plottable) {}

bool LegendEntry::Measured::operator==(const Measured& other) const {
    return name == other.name && font == other.font && iconSize == other.iconSize &&
           iconTextPadding == other.iconTextPadding && margins == other.margins;
}

QSize LegendEntry::minimumOuterSizeHint() const {
    if (mPlottable == nullptr || mParentLegend == nullptr) {
        return QCPPlottableLegendItem::minimumOuterSizeHint();
    }
    Measured now{
        mPlottable->name(), getFont(), mParentLegend->iconSize(), mParentLegend->iconTextPadding(),
        mMargins,           {}};
    if (!valid_ || !(now == measured_)) {
        now.hint = QCPPlottableLegendItem::minimumOuterSizeHint();
        measured_ = now;
        valid_ = true;
    }
    return measured_.hint;
}

}  // namespace lrscope::ui
