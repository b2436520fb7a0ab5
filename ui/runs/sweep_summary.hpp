#pragma once

#include <optional>
#include <vector>

#include <QColor>
#include <QString>

namespace lrscope::ui {

struct Run;

// What the run list's row of one sweep says about its runs, column by column.
struct SweepSummary {
    QString name;        // "Sweep 2 · 24 runs"
    QString data;        // the data set, or "mixed" when the runs differ
    QString optimizers;  // "SGD, Adam", in the runs' order
    QString rates;       // "0.001 … 1" (lowest to highest)
    QString status;      // "3 training, 12 waiting, 9 of 24 finished, 2 diverged"
    QString epochs;      // "37–1200 / 3000": the epochs reached, of those planned (if equal)
    std::optional<double> bestLoss;  // the lowest best loss among the runs
    QString bestRun;                 // the name of the run that has it
    std::vector<QColor> colours;     // of the first runs, for the row's swatch
    int visibleCount = 0;
};

SweepSummary summariseSweep(int sweep, const std::vector<const Run*>& runs);

}  // namespace lrscope::ui
