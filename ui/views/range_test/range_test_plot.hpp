#pragma once

#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "ui/views/range_test/range_test_curve.hpp"

namespace lrscope::ui {

// A suggested rate as the plot marks it.
struct SuggestionMark {
    QString name;  // "valley", "steep", "minimum"
    double lr = 0.0;
};

// Smoothed loss against the learning rate (log x) of one or more range tests. The last test
// is the current one: its smoothed loss bold with its raw loss faint behind it and, once it
// has finished, its suggestions marked with their values, or a note saying why there are
// none. Earlier tests stay as faint overlays so settings can be compared. The window's range
// test view and `lrscope-cli plot --lr-find` both draw with this class.
class RangeTestPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit RangeTestPlot(QWidget* parent = nullptr);

    // Draws these tests, oldest first (the whole figure is rebuilt: a test has at most a few
    // hundred points).
    void setTests(const std::vector<RangeTestCurve>& tests);
    void setEmptyMessage(const QString& message);

    // The suggestions marked now (those of the current test, once finished).
    const std::vector<SuggestionMark>& marks() const { return marks_; }
    // What the plot says in its middle: the empty message, or why there is no suggestion.
    QString noteText() const;
    // The graph of a test's smoothed loss (index as given to setTests), nullptr if none.
    QCPGraph* smoothedGraph(std::size_t test) const;
    QCPGraph* rawGraph() const { return raw_; }

private:
    void markSuggestions(const RangeTestCurve& current);
    void fitAxes(const std::vector<RangeTestCurve>& tests);
    // The y range over the data with `topFraction` of the height free above it.
    void fitY(double topFraction);
    void placeLabels();

    std::vector<QCPGraph*> smoothed_;
    QCPGraph* raw_ = nullptr;
    std::vector<SuggestionMark> marks_;
    std::vector<QCPItemText*> labels_;  // the suggestions' value labels
    double dataLow_ = 0.0;              // the smoothed (and current raw) losses' extent
    double dataHigh_ = 0.0;
    QString emptyMessage_;
    QCPItemText* note_;
};

}  // namespace lrscope::ui
