#pragma once

#include <memory>
#include <vector>

#include <QMainWindow>

#include "core/training/epoch_record.hpp"
#include "ui/window/preset_store.hpp"

class QDockWidget;

namespace lrscope::ui {

class ControlPanel;
class FileActions;
class PresetMenu;
class RunCommands;
class RunSelection;
class RunStore;
class RunView;
class FileDrop;
class SessionActions;
class StatusLine;
class TrainingController;
class TrainingToolBar;

// The lrscope window. It builds the run store, the controller, the selection and the commands,
// lets every registered view build itself from them, and arranges: the control panel on the
// left (learning rate first), the central view, the other views docked below it (the user may
// move them; the layout is remembered), the toolbar, the menus and the status line. It knows
// nothing of what a view draws.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `presets` defaults to the user's settings; `threads` 0 = one per core.
    explicit MainWindow(std::unique_ptr<PresetStore> presets = nullptr, unsigned threads = 0,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    TrainingController& controller() const { return *controller_; }
    RunStore& store() const { return *store_; }
    RunSelection& selection() const { return *selection_; }
    RunCommands& commands() const { return *commands_; }
    ControlPanel& panel() const { return *panel_; }
    FileActions& files() const { return *files_; }
    SessionActions& sessions() const { return *sessions_; }
    FileDrop& fileDrop() const { return *drop_; }
    TrainingToolBar& toolBar() const { return *toolBar_; }
    StatusLine& statusLine() const { return *status_; }
    const std::vector<std::unique_ptr<RunView>>& views() const { return views_; }
    RunView* view(const QString& key) const;  // nullptr for an unknown key

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void arrangeViews();
    void buildMenus();
    void restoreSettings();
    void showMessage(const QString& text, int timeoutMs);

    std::unique_ptr<PresetStore> presets_;
    std::unique_ptr<TrainingController> controller_;
    RunStore* store_;
    RunSelection* selection_;
    ControlPanel* panel_;
    RunCommands* commands_;
    std::vector<std::unique_ptr<RunView>> views_;
    std::vector<QDockWidget*> docks_;
    FileActions* files_ = nullptr;
    SessionActions* sessions_ = nullptr;
    FileDrop* drop_ = nullptr;
    PresetMenu* presetMenu_ = nullptr;
    TrainingToolBar* toolBar_ = nullptr;
    StatusLine* status_ = nullptr;
};

}  // namespace lrscope::ui
