#pragma once

#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/analysis/optimizer_path.hpp"
#include "core/analysis/test_function.hpp"
#include "core/optim/optimizer.hpp"

namespace lrscope::ui {

// One optimizer's path as the landscape plot draws it.
struct LandscapePath {
    core::OptimizerKind kind = core::OptimizerKind::Sgd;
    QColor colour;
    core::OptimizerPath path;
};

// A test function as a filled contour map (log-spaced levels) with its minima as stars, the
// start point as a ring the user drags, and each optimizer's path up to the replay step; a
// path that diverged ends with a cross at its last finite point. Hovering a path shows the
// optimizer, step and value there; elsewhere the function's value.
class LandscapePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit LandscapePlot(QWidget* parent = nullptr);

    void setFunction(core::TestFunctionKind function);
    core::TestFunctionKind function() const { return function_; }
    void setStart(core::PlanePoint start);
    core::PlanePoint start() const { return start_; }
    void setPaths(std::vector<LandscapePath> paths);
    const std::vector<LandscapePath>& paths() const { return paths_; }
    // Draw every path up to this step (paths shorter than it are drawn whole).
    void setReplayStep(int step);
    int replayStep() const { return replayStep_; }

    // What hovering at a widget position shows.
    QString describeAt(QPointF position) const;
    // For tests: the curve of a path, and where its end cross is drawn (nullopt: none).
    QCPCurve* curveOf(core::OptimizerKind kind) const;
    std::optional<core::PlanePoint> crossAt(core::OptimizerKind kind) const;
    int minimumMarkerCount() const;

signals:
    // The user dragged the start point (plot coordinates, inside the view).
    void startDragged(lrscope::core::PlanePoint start);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void redrawMap();
    void redrawPaths();
    void onMouseMove(QMouseEvent* event);

    core::TestFunctionKind function_ = core::TestFunctionKind::Rosenbrock;
    core::PlaneRange range_;
    core::PlanePoint start_;
    std::vector<LandscapePath> paths_;
    int replayStep_ = 1000;
    bool dragging_ = false;
    QCPItemPixmap* map_;
    QCPGraph* minima_;
    QCPGraph* startMarker_;
    std::vector<QCPCurve*> curves_;
    std::vector<QCPGraph*> crosses_;
};

}  // namespace lrscope::ui
