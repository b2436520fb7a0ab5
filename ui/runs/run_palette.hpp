#pragma once

#include <QColor>

namespace lrscope::ui {

// Colours for runs, in the order new runs take them: Okabe & Ito's colour-blind-safe set
// (without its yellow, which is unreadable on white), then three of Paul Tol's "muted"
// colours. The sequence repeats after kRunColourCount runs.
inline constexpr int kRunColourCount = 10;

QColor runColour(int index);

}  // namespace lrscope::ui
