#pragma once

#include <map>
#include <vector>

#include "core/analysis/test_function.hpp"
#include "core/optim/optimizer.hpp"
#include "core/optim/optimizer_setting.hpp"
#include "ui/views/run_view.hpp"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace lrscope::ui {

class LandscapePlot;
class LogSlider;
struct ViewContext;

// Optimizer paths on a 2-D test function, computed with core's real update rules
// (core::optimizerPath): the user picks the function and the optimizers, drags the start
// point, moves the shared learning rate and any optimizer's settings, and every path is
// recomputed at once (8 x 1,000 steps take about a millisecond, so it happens in the GUI
// thread, while dragging); a step slider replays the paths. It reads no runs.
class LandscapeView : public RunView {
public:
    LandscapeView(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }
    QCustomPlot* exportablePlot() const override;
    QJsonObject sessionState() const override;
    void restoreSessionState(const QJsonObject& state) override;

    // For tests.
    LandscapePlot* plot() const { return plot_; }
    LogSlider* rate() const { return rate_; }
    QComboBox* functionBox() const { return function_; }
    QSpinBox* stepsBox() const { return steps_; }
    QSlider* replaySlider() const { return replay_; }
    QCheckBox* optimizerBox(core::OptimizerKind kind) const;
    QComboBox* settingsOptimizerBox() const { return settingsOf_; }
    // The settings field of the optimizer chosen in settingsOptimizerBox() (a NumberField or a
    // QCheckBox; nullptr when it has no such setting).
    QWidget* settingField(core::OptimizerSetting setting) const;
    core::OptimizerSettings settingsOf(core::OptimizerKind kind) const;
    double lastComputeMs() const { return lastComputeMs_; }

    void setStart(core::PlanePoint start);

private:
    void recompute();
    void showSettingsOf(core::OptimizerKind kind);
    void onFunctionChosen();

    QWidget* page_;
    LandscapePlot* plot_;
    QComboBox* function_;
    LogSlider* rate_;
    QSpinBox* steps_;
    QSlider* replay_;
    QLabel* replayLabel_;
    QLabel* timing_;
    std::map<core::OptimizerKind, QCheckBox*> chosen_;
    QComboBox* settingsOf_;
    QFormLayout* settingsForm_;
    std::map<core::OptimizerSetting, QWidget*> fields_;
    std::map<core::OptimizerKind, core::OptimizerSettings> settings_;
    core::PlanePoint start_;
    double lastComputeMs_ = 0.0;
    bool building_ = false;
};

}  // namespace lrscope::ui
