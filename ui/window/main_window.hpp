#pragma once

#include <memory>
#include <vector>

#include <QMainWindow>

#include "core/training/epoch_record.hpp"
#include "ui/window/preset_store.hpp"

class QAction;
class QComboBox;
class QLabel;
class QTimer;

namespace lrscope::ui {

class ControlPanel;
class FileActions;
class PlotView;
class PresetMenu;
class RunListModel;
class RunListView;
class RunPlot;
class TrainingController;
struct RunOutcome;

// The lrscope window: control panel on the left (learning rate first), the loss/error plot,
// a second plot (success rate, gradient norm or step size) and the run list on the right;
// Train / Pause / Step / Stop / Stop all / Clear all and the pace in the toolbar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `store` defaults to the user's settings; `threads` 0 = one per core.
    explicit MainWindow(std::unique_ptr<PresetStore> store = nullptr, unsigned threads = 0,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts a run with the panel's settings; returns its id, or 0 when the settings are
    // invalid.
    core::RunId train();
    // The run Pause / Step / Stop act on: the selected run, else the newest unfinished one.
    core::RunId targetRun() const;
    // The run a learning-rate change goes to live: the selected run while it is unfinished.
    core::RunId liveRun() const;
    void togglePause();
    void stepRun();
    void stopRun();
    void stopAll();
    void clearAll();
    void deleteRuns(const std::vector<core::RunId>& ids);
    void useSettingsOf(core::RunId id);

    TrainingController& controller() const { return *controller_; }
    RunListModel& runs() const { return *model_; }
    ControlPanel& panel() const { return *panel_; }
    RunPlot& lossPlot() const;
    RunPlot& secondPlot() const;
    RunListView& runList() const { return *runList_; }
    QAction* trainAction() const { return train_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stepAction() const { return step_; }
    QAction* stopAction() const { return stop_; }
    QAction* stopAllAction() const { return stopAll_; }
    QAction* clearAllAction() const { return clearAll_; }
    QComboBox* paceBox() const { return pace_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void connectTraining();
    void restoreSettings();
    void refreshActions();
    void refreshStatus();
    void onRecords(core::RunId id, const std::vector<core::EpochRecord>& records);
    void onFinished(core::RunId id, const RunOutcome& outcome);
    void onFailed(core::RunId id, const QString& message);
    void onLearningRateCommitted(double lr);
    std::vector<RunPlot*> plots() const;

    std::unique_ptr<PresetStore> store_;
    std::unique_ptr<TrainingController> controller_;
    RunListModel* model_;
    ControlPanel* panel_;
    PlotView* lossView_;
    PlotView* secondView_;
    RunListView* runList_;
    FileActions* files_ = nullptr;
    PresetMenu* presets_ = nullptr;
    QAction* train_ = nullptr;
    QAction* pause_ = nullptr;
    QAction* step_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* stopAll_ = nullptr;
    QAction* clearAll_ = nullptr;
    QComboBox* pace_ = nullptr;
    QLabel* activity_;
    QLabel* progress_;
    QTimer* statusTimer_;
    int nextColour_ = 0;
    bool showingInvalid_ = false;
};

}  // namespace lrscope::ui
