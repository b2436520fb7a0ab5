#pragma once

#include <QObject>

class QAction;
class QCPItemText;

namespace lrscope::ui {

class RunPlot;
class RunStore;

// A clickable line under a plot's empty message ("▶ Show me: too low, just right, too high")
// that triggers `action`; shown while the store holds no run. The plot is not changed beyond
// the one text item this adds.
class EmptyPlotLink : public QObject {
    Q_OBJECT
public:
    EmptyPlotLink(RunPlot& plot, const RunStore& store, QAction& action);

    bool isShown() const;
    QString text() const;
    // The link's middle in the plot's pixels (for tests that click it).
    QPoint centre() const;

private:
    void refresh();
    void placeUnderMessage();
    bool hits(const QPointF& pixel) const;

    RunPlot& plot_;
    const RunStore& store_;
    QAction& action_;
    QCPItemText* item_;
};

}  // namespace lrscope::ui
