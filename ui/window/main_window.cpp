#include "ui/window/main_window.hpp"

#include <algorithm>

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>

#include "core/base/errors.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/export/file_actions.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/data_panel.hpp"
#include "ui/panels/window_defaults.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/file_drop.hpp"
#include "ui/session/recovery_autosave.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/view_context.hpp"
#include "ui/views/view_registry.hpp"
#include "ui/window/about_box.hpp"
#include "ui/window/preset_menu.hpp"
#include "ui/window/status_line.hpp"
#include "ui/window/training_toolbar.hpp"

namespace lrscope::ui {

namespace {

constexpr int kPanelWidth = 350;
// Bumped whenever the arrangement of docks changes, so an older saved layout is not forced
// onto a different set of views.
constexpr int kWindowStateVersion = 3;

}  // namespace

MainWindow::MainWindow(std::unique_ptr<PresetStore> presets, unsigned threads, QWidget* parent)
    : QMainWindow(parent),
      presets_(presets ? std::move(presets) : std::make_unique<PresetStore>()),
      controller_(
          std::make_unique<TrainingController>(threads == 0 ? windowConcurrentRuns() : threads)),
      store_(new RunStore(this)),
      selection_(new RunSelection(*store_, this)),
      panel_(new ControlPanel(this)),
      commands_(new RunCommands(*store_, *controller_, *selection_, *panel_, this)) {
    // The title ("learning-rate explorer", or the session's file) is the SessionActions'.
    store_->follow(*controller_);
    controller_->setInputErrorText(
        [this](const core::InputError& error) { return panel_->messageFor(error); });

    views_ = makeViews(ViewContext{*store_, *controller_, *selection_, *commands_, *panel_}, this);
    std::vector<SavePlotDialog::Choice> plots;
    for (const auto& view : views_) {
        if (QCustomPlot* plot = view->exportablePlot()) {
            plots.push_back({view->title(), plot});
        }
    }
    files_ = new FileActions(
        FileActions::Context{this, store_, selection_, panel_->networkPanel(), std::move(plots)},
        this);
    sessions_ = new SessionActions(SessionActions::Context{this, store_, controller_.get(), panel_,
                                                           commands_, &views_, presets_.get()},
                                   this);
    drop_ = new FileDrop(*this, *sessions_, *panel_, this);
    presetMenu_ = new PresetMenu(*presets_, *panel_, this);
    toolBar_ = new TrainingToolBar(*commands_, *controller_, files_->savePlot(), this);
    addToolBar(toolBar_);
    status_ = new StatusLine(*statusBar(), *store_, *controller_, *selection_, *panel_);

    arrangeViews();
    buildMenus();
    connect(commands_, &RunCommands::message, this, &MainWindow::showMessage);
    connect(files_, &FileActions::message, this,
            [this](const QString& text) { showMessage(text, 6000); });
    connect(sessions_, &SessionActions::message, this,
            [this](const QString& text) { showMessage(text, 8000); });
    connect(drop_, &FileDrop::message, this,
            [this](const QString& text) { showMessage(text, 8000); });
    connect(presetMenu_, &PresetMenu::message, this,
            [this](const QString& text) { showMessage(text, 6000); });
    connect(controller_.get(), &TrainingController::runFailed, this,
            [this](core::RunId id, const QString& message) {
                showMessage(tr("Run %1 failed: %2").arg(id).arg(message), 15000);
            });
    restoreSettings();
}

MainWindow::~MainWindow() {
    // Stop every run and join the workers before the store and views they feed go away.
    controller_.reset();
}

RunView* MainWindow::view(const QString& key) const {
    for (const auto& view : views_) {
        if (view->key() == key) {
            return view.get();
        }
    }
    return nullptr;
}

void MainWindow::arrangeViews() {
    auto* panelDock = new QDockWidget(tr("Settings"), this);
    panelDock->setObjectName(QStringLiteral("dock.panel"));
    panelDock->setWidget(panel_);
    panelDock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    panelDock->setTitleBarWidget(new QWidget(panelDock));
    panel_->setMinimumWidth(std::max(panel_->minimumWidth(), 300));
    addDockWidget(Qt::LeftDockWidgetArea, panelDock);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    QDockWidget* firstBelow = nullptr;
    QDockWidget* firstBottom = nullptr;
    // Tabbed after the split below: splitting a dock that is already tabbed would put the
    // bottom dock into its tabs.
    std::vector<std::pair<QDockWidget*, QDockWidget*>> tabs;
    for (const auto& view : views_) {
        if (view->placement() == ViewPlacement::Central && centralWidget() == nullptr) {
            setCentralWidget(view->widget());
            continue;
        }
        auto* dock = new QDockWidget(view->title(), this);
        dock->setObjectName(QStringLiteral("dock.%1").arg(view->key()));
        dock->setWidget(view->widget());
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
        docks_.push_back(dock);
        QDockWidget*& first = view->placement() == ViewPlacement::Bottom ? firstBottom : firstBelow;
        if (first == nullptr) {
            addDockWidget(Qt::BottomDockWidgetArea, dock, Qt::Vertical);
            first = dock;
        } else {
            tabs.emplace_back(first, dock);
        }
    }
    if (firstBelow != nullptr && firstBottom != nullptr) {
        splitDockWidget(firstBelow, firstBottom, Qt::Vertical);
        resizeDocks({firstBelow, firstBottom}, {200, 190}, Qt::Vertical);
    }
    for (const auto& [first, dock] : tabs) {
        tabifyDockWidget(first, dock);
    }
    if (firstBelow != nullptr) {
        firstBelow->raise();
    }
    resizeDocks({panelDock}, {kPanelWidth}, Qt::Horizontal);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(sessions_->newAction());
    file->addAction(sessions_->openAction());
    file->addMenu(sessions_->recentMenu());
    file->addAction(sessions_->saveAction());
    file->addAction(sessions_->saveAsAction());
    file->addSeparator();
    QAction* openCsv =
        file->addAction(tr("Open &data CSV..."), panel_->dataPanel(), &DataPanel::chooseCsvFile);
    openCsv->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    file->addAction(sessions_->importAction());
    file->addAction(files_->importWeights());
    file->addSeparator();
    file->addAction(files_->savePlot());
    file->addAction(files_->screenshot());
    file->addAction(files_->exportRuns());
    file->addAction(files_->exportWeights());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(commands_->undoAction());
    edit->addSeparator();
    edit->addAction(files_->copyPlot());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    for (QAction* action : commands_->runActions()) {
        run->addAction(action);
    }
    for (const auto& view : views_) {
        const QList<QAction*> actions = view->runMenuActions();
        if (!actions.isEmpty()) {
            run->addSeparator();
            run->addActions(actions);
        }
    }

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (const auto& view : views_) {
        const QList<QAction*> actions = view->actions();
        if (!actions.isEmpty()) {
            viewMenu->addSection(view->title());
            viewMenu->addActions(actions);
        }
    }
    viewMenu->addSection(tr("Panels"));
    for (QDockWidget* dock : docks_) {
        viewMenu->addAction(dock->toggleViewAction());
    }

    menuBar()->addMenu(presetMenu_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(commands_->lessonAction());
    help->addSeparator();
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QString rows;
        std::vector<QAction*> shown = commands_->runActions();
        for (QAction* action :
             {sessions_->openAction(), sessions_->saveAction(), sessions_->importAction(),
              commands_->undoAction(), files_->savePlot(), files_->copyPlot(), files_->exportRuns(),
              files_->importWeights()}) {
            shown.push_back(action);
        }
        for (const QAction* action : shown) {
            rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                        .arg(QString(action->text()).remove(QLatin1Char('&')),
                             action->shortcut().toString(QKeySequence::NativeText));
        }
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("<table cellspacing=6>%1</table><p>Plot: wheel zooms, drag pans, double-click "
               "follows the live data again.</p>")
                .arg(rows));
    });
    help->addAction(tr("&About lrscope"), this, [this] { showAboutBox(this); });
}

void MainWindow::restoreSettings() {
    const QByteArray geometry = presets_->windowGeometry();
    const QRect available =
        screen() != nullptr ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        setGeometry(available);
    }
    // Without a window manager (Xvfb) a saved geometry may lie partly off the screen: keep the
    // whole window, status bar included, on it.
    QRect frame = geometry.isEmpty() ? available : this->geometry();
    frame.setSize(frame.size().boundedTo(available.size()));
    frame.moveLeft(
        std::clamp(frame.left(), available.left(), available.right() - frame.width() + 1));
    frame.moveTop(
        std::clamp(frame.top(), available.top(), available.bottom() - frame.height() + 1));
    setGeometry(frame);
    restoreState(presets_->windowState(), kWindowStateVersion);
    try {
        if (const auto last = presets_->lastState()) {
            if (const QString error = panel_->setConfig(*last); !error.isEmpty()) {
                showMessage(tr("Last settings not restored: %1").arg(error), 10000);
            }
        }
    } catch (const core::InputError& error) {
        showMessage(tr("Last settings not restored: %1").arg(QString::fromStdString(error.what())),
                    10000);
    }
}

void MainWindow::showMessage(const QString& text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const int unfinished = store_->unfinishedCount();
    if (unfinished > 0 &&
        !commands_->confirm(
            tr("Quit lrscope"),
            tr("%1 still training. Quit and stop them?")
                .arg(unfinished == 1 ? tr("1 run is") : tr("%1 runs are").arg(unfinished)))) {
        event->ignore();
        return;
    }
    if (!sessions_->maybeSave()) {
        event->ignore();
        return;
    }
    sessions_->recovery().removeFile();  // a clean quit: nothing to recover next time
    presets_->saveWindow(saveGeometry(), saveState(kWindowStateVersion));
    if (const auto& config = panel_->config()) {
        presets_->saveLastState(*config);
    }
    controller_->stopAll();
    event->accept();
}

}  // namespace lrscope::ui
