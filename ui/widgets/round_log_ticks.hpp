#pragma once

#include <qcustomplot.h>

namespace lrscope::ui {

// Ticks for a log axis over `range`, labelled as people write numbers ("0.02", "5e-4"): at 1, 2
// and 5 times a power of ten; only the powers of ten when that makes more than six; when a short
// range holds fewer than two, at every digit times a power of ten or, failing that, at evenly
// spaced round numbers. None for a range that is not positive.
QSharedPointer<QCPAxisTickerText> roundLogTicks(const QCPRange& range);

}  // namespace lrscope::ui
