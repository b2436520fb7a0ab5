#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class QAction;
class QCustomPlot;
class QWidget;

namespace lrscope::ui {

// Where the window first puts a view; the user may move it, and the window remembers.
enum class ViewPlacement {
    Central,  // the large area beside the panel (one view: the loss curves)
    Below,    // docked below the central view; several are stacked as tabs
    Bottom,   // docked at the very bottom (the run list)
};

// One view of the runs: the loss curves, the second plot, the run list, and the views to come
// (range test, sweep, decision boundary, live weights, landscapes). A view is built from the
// ViewContext (store, controller, selection, commands) and connects itself to what it reads;
// the window only arranges views and knows nothing of what they draw.
class RunView {
public:
    RunView() = default;
    RunView(const RunView&) = delete;
    RunView& operator=(const RunView&) = delete;
    virtual ~RunView() = default;

    // A stable name for saved window state ("curves", "signals", "runs").
    virtual QString key() const = 0;
    virtual QString title() const = 0;  // as the View menu and the dock's title show it
    virtual QWidget* widget() = 0;
    virtual ViewPlacement placement() const = 0;
    // The view's own actions for the View menu (e.g. log y, follow live data).
    virtual QList<QAction*> actions() const { return {}; }
    // Commands the view offers in the Run menu (e.g. "Find learning rate...", "Sweep...").
    virtual QList<QAction*> runMenuActions() const { return {}; }
    // The plot File > Save plot can export, if the view has one.
    virtual QCustomPlot* exportablePlot() const { return nullptr; }

    // What a session keeps of the view (metric, log y, smoothing, zoom...), stored under its
    // key; restoreSessionState() gets back what sessionState() gave and ignores what it does
    // not know.
    virtual QJsonObject sessionState() const { return {}; }
    virtual void restoreSessionState(const QJsonObject& /*state*/) {}
};

}  // namespace lrscope::ui
