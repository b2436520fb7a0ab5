#include "ui/window/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "ui/export/file_actions.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/data_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_list_view.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/window/preset_menu.hpp"
#include "ui/window/preset_store.hpp"

namespace lrscope::ui {

namespace {

constexpr int kStatusIntervalMs = 250;
constexpr int kPanelWidth = 350;

QString withShortcut(const QString& text, const QAction* action) {
    return QStringLiteral("%1 (%2)").arg(text,
                                         action->shortcut().toString(QKeySequence::NativeText));
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<PresetStore> store, unsigned threads, QWidget* parent)
    : QMainWindow(parent),
      store_(store ? std::move(store) : std::make_unique<PresetStore>()),
      controller_(std::make_unique<TrainingController>(
          threads == 0 ? core::RunPool::defaultThreadCount() : threads)),
      model_(new RunListModel(this)),
      panel_(new ControlPanel(this)),
      lossView_(new PlotView({PlotMetric::Loss, PlotMetric::ErrorPercent}, PlotMetric::Loss, this)),
      secondView_(
          new PlotView({PlotMetric::SuccessPercent, PlotMetric::GradientNorm, PlotMetric::StepSize},
                       PlotMetric::SuccessPercent, this)),
      runList_(new RunListView(model_, this)),
      activity_(new QLabel(this)),
      progress_(new QLabel(this)),
      statusTimer_(new QTimer(this)) {
    setWindowTitle(tr("lrscope — learning-rate explorer"));
    secondView_->seriesBox()->setCurrentIndex(
        secondView_->seriesBox()->findData(static_cast<int>(SeriesChoice::TestOnly)));
    secondView_->plot()->setLegendShown(false);
    // The plots read whole histories from the run list instead of keeping copies.
    for (RunPlot* plot : {lossView_->plot(), secondView_->plot()}) {
        plot->setHistorySource([this](core::RunId id) -> const std::vector<core::EpochRecord>* {
            const RunEntry* entry = model_->entry(id);
            return entry != nullptr ? &entry->history : nullptr;
        });
    }
    lossView_->plot()->setEmptyMessage(
        tr("Pick a learning rate on the left and press Train (Ctrl+Return).\n"
           "Every run adds a coloured curve, so rates sit side by side."));

    auto* plots = new QSplitter(Qt::Vertical, this);
    plots->addWidget(lossView_);
    plots->addWidget(secondView_);
    plots->addWidget(runList_);
    plots->setStretchFactor(0, 5);
    plots->setStretchFactor(1, 3);
    plots->setStretchFactor(2, 3);
    plots->setSizes({400, 200, 190});
    plots->setChildrenCollapsible(false);
    auto* main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(panel_);
    main->addWidget(plots);
    main->setStretchFactor(1, 1);
    main->setSizes({kPanelWidth, 930});
    main->setChildrenCollapsible(false);
    panel_->setMinimumWidth(300);
    setCentralWidget(main);

    files_ = new FileActions(
        FileActions::Context{this,
                             model_,
                             controller_.get(),
                             panel_->networkPanel(),
                             {{tr("Loss / error plot"), lossView_->plot()},
                              {tr("Second plot (success rate / gradients)"), secondView_->plot()}},
                             [this] { return runList_->currentRun(); }},
        this);
    presets_ = new PresetMenu(*store_, *panel_, this);

    buildActions();
    buildMenus();
    buildToolBar();
    connectTraining();

    statusBar()->addWidget(activity_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusTimer_->setInterval(kStatusIntervalMs);
    connect(statusTimer_, &QTimer::timeout, this, &MainWindow::refreshStatus);
    statusTimer_->start();

    restoreSettings();
    refreshActions();
    refreshStatus();
}

MainWindow::~MainWindow() {
    // Stop every run and join the workers before the widgets they feed go away.
    controller_.reset();
}

RunPlot& MainWindow::lossPlot() const {
    return *lossView_->plot();
}

RunPlot& MainWindow::secondPlot() const {
    return *secondView_->plot();
}

std::vector<RunPlot*> MainWindow::plots() const {
    return {lossView_->plot(), secondView_->plot()};
}

void MainWindow::buildActions() {
    QStyle* s = style();
    train_ = new QAction(s->standardIcon(QStyle::SP_MediaPlay), tr("&Train"), this);
    train_->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Return")), QKeySequence(Qt::Key_F5)});
    pause_ = new QAction(s->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    pause_->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(QStringLiteral("Ctrl+P"))});
    step_ = new QAction(s->standardIcon(QStyle::SP_MediaSkipForward), tr("St&ep"), this);
    step_->setShortcut(QKeySequence(Qt::Key_F7));
    stop_ = new QAction(s->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
    stop_->setShortcut(QKeySequence(Qt::Key_F8));
    stopAll_ = new QAction(s->standardIcon(QStyle::SP_BrowserStop), tr("Stop &all"), this);
    stopAll_->setShortcut(QKeySequence(QStringLiteral("Shift+F8")));
    clearAll_ = new QAction(s->standardIcon(QStyle::SP_DialogResetButton), tr("&Clear all"), this);
    clearAll_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Backspace")));

    step_->setToolTip(withShortcut(tr("Train one more epoch, then pause"), step_));
    stop_->setToolTip(withShortcut(tr("Stop the selected run (or the newest running one); it "
                                      "keeps its curve"),
                                   stop_));
    stopAll_->setToolTip(withShortcut(tr("Stop every run"), stopAll_));
    clearAll_->setToolTip(withShortcut(tr("Stop and remove every run"), clearAll_));

    connect(train_, &QAction::triggered, this, [this] { train(); });
    connect(pause_, &QAction::triggered, this, &MainWindow::togglePause);
    connect(step_, &QAction::triggered, this, &MainWindow::stepRun);
    connect(stop_, &QAction::triggered, this, &MainWindow::stopRun);
    connect(stopAll_, &QAction::triggered, this, &MainWindow::stopAll);
    connect(clearAll_, &QAction::triggered, this, &MainWindow::clearAll);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openCsv =
        file->addAction(tr("&Open CSV data..."), panel_->dataPanel(), &DataPanel::chooseCsvFile);
    openCsv->setShortcut(QKeySequence::Open);
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
    edit->addAction(files_->copyPlot());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    for (QAction* action : {train_, pause_, step_, stop_, stopAll_, clearAll_}) {
        run->addAction(action);
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(lossView_->followAction());
    view->addAction(lossView_->logAction());

    menuBar()->addMenu(presets_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QString rows;
        for (const QAction* action :
             {train_, pause_, step_, stop_, stopAll_, clearAll_, files_->savePlot(),
              files_->copyPlot(), files_->exportRuns(), files_->importWeights()}) {
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
    help->addAction(tr("&About lrscope"), this, [this] {
        QMessageBox::about(this, tr("About lrscope"),
                           tr("<p><b>lrscope</b> shows how the learning rate and the optimizer "
                              "shape training: every Train adds a coloured run to the plot.</p>"
                              "<p>Optimizers follow PyTorch's torch.optim definitions.</p>"));
    });
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Training"));
    bar->setObjectName(QStringLiteral("trainingToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* action : {train_, pause_, step_, stop_, stopAll_, clearAll_}) {
        bar->addAction(action);
    }
    bar->addSeparator();
    auto* paceLabel = new QLabel(tr(" Pace "), this);
    pace_ = new QComboBox(this);
    pace_->addItem(tr("As fast as possible"), 0.0);
    pace_->addItem(tr("200 epochs/s"), 200.0);
    pace_->addItem(tr("50 epochs/s"), 50.0);
    pace_->addItem(tr("10 epochs/s"), 10.0);
    pace_->setToolTip(
        tr("Slow training down to watch a curve form, e.g. in a lecture. "
           "Applies to every run."));
    bar->addWidget(paceLabel);
    bar->addWidget(pace_);
    bar->addSeparator();
    bar->addAction(files_->savePlot());
    connect(pace_, &QComboBox::currentIndexChanged, this,
            [this] { controller_->setMaxEpochsPerSecond(pace_->currentData().toDouble()); });
}

void MainWindow::connectTraining() {
    TrainingController* c = controller_.get();
    c->setInputErrorText(
        [this](const core::InputError& error) { return panel_->messageFor(error); });
    connect(c, &TrainingController::runStarted, this, [this](core::RunId id) {
        model_->setState(id, controller_->isPaused(id) ? RunState::Paused : RunState::Training);
    });
    connect(c, &TrainingController::recordsArrived, this, &MainWindow::onRecords);
    connect(c, &TrainingController::runFinished, this, &MainWindow::onFinished);
    connect(c, &TrainingController::runFailed, this, &MainWindow::onFailed);

    connect(model_, &RunListModel::visibilityChanged, this, [this](core::RunId id, bool visible) {
        for (RunPlot* plot : plots()) {
            plot->setRunVisible(id, visible);
        }
    });
    connect(model_, &RunListModel::colourChanged, this,
            [this](core::RunId id, const QColor& colour) {
                for (RunPlot* plot : plots()) {
                    plot->setRunColour(id, colour);
                }
            });
    connect(model_, &RunListModel::labelChanged, this,
            [this](core::RunId id, const QString& label) {
                for (RunPlot* plot : plots()) {
                    plot->setRunLabel(id, label);
                }
            });
    connect(model_, &RunListModel::stateChanged, this, [this] { refreshActions(); });
    connect(runList_, &RunListView::currentRunChanged, this, [this] { refreshActions(); });
    connect(runList_, &RunListView::deleteRequested, this, &MainWindow::deleteRuns);
    connect(runList_, &RunListView::useSettingsRequested, this, &MainWindow::useSettingsOf);
    connect(panel_, &ControlPanel::validityChanged, this, [this] { refreshActions(); });
    connect(panel_, &ControlPanel::learningRateCommitted, this,
            &MainWindow::onLearningRateCommitted);
    connect(files_, &FileActions::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(presets_, &PresetMenu::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
}

void MainWindow::restoreSettings() {
    const QByteArray geometry = store_->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available =
            screen() != nullptr ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        setGeometry(available);
    }
    restoreState(store_->windowState());
    try {
        if (const auto last = store_->lastState()) {
            if (const QString error = panel_->setConfig(*last); !error.isEmpty()) {
                statusBar()->showMessage(tr("Last settings not restored: %1").arg(error), 10000);
            }
        }
    } catch (const core::InputError& error) {
        statusBar()->showMessage(
            tr("Last settings not restored: %1").arg(QString::fromStdString(error.what())), 10000);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    store_->saveWindow(saveGeometry(), saveState());
    if (const auto& config = panel_->config()) {
        store_->saveLastState(*config);
    }
    controller_->stopAll();
    event->accept();
}

core::RunId MainWindow::train() {
    const auto& config = panel_->config();
    if (!config) {
        statusBar()->showMessage(tr("Cannot train — %1").arg(panel_->invalidReason()), 8000);
        return 0;
    }
    const core::RunId id = controller_->start(*config);
    const QColor colour = runColour(nextColour_++);
    model_->addRun(id, *config, colour);
    const RunEntry* entry = model_->entry(id);
    for (RunPlot* plot : plots()) {
        plot->addRun(id, colour, legendLabel(*entry), config->epochs);
    }
    refreshActions();
    refreshStatus();
    return id;
}

core::RunId MainWindow::targetRun() const {
    const core::RunId selected = runList_->currentRun();
    if (selected != 0) {
        return selected;
    }
    const auto& runs = model_->runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (controller_->isActive(it->id)) {
            return it->id;
        }
    }
    return 0;
}

core::RunId MainWindow::liveRun() const {
    const core::RunId selected = runList_->currentRun();
    return selected != 0 && controller_->isActive(selected) ? selected : 0;
}

void MainWindow::togglePause() {
    const core::RunId id = targetRun();
    if (id == 0 || !controller_->isActive(id)) {
        return;
    }
    if (controller_->isPaused(id)) {
        controller_->resume(id);
        const RunEntry* entry = model_->entry(id);
        const bool started = entry != nullptr && !entry->history.empty();
        model_->setState(id, started ? RunState::Training : RunState::Queued);
    } else {
        controller_->pause(id);
        model_->setState(id, RunState::Paused);
    }
    refreshActions();
}

void MainWindow::stepRun() {
    const core::RunId id = targetRun();
    if (id == 0 || !controller_->isActive(id)) {
        return;
    }
    controller_->step(id);
    model_->setState(id, RunState::Paused);
    refreshActions();
}

void MainWindow::stopRun() {
    const core::RunId id = targetRun();
    if (id != 0) {
        controller_->stop(id);
    }
}

void MainWindow::stopAll() {
    controller_->stopAll();
}

void MainWindow::clearAll() {
    if (controller_->activeCount() > 0 &&
        QMessageBox::question(this, tr("Clear all runs"),
                              tr("Runs are still training (%1). Stop and remove every run?")
                                  .arg(controller_->activeCount())) != QMessageBox::Yes) {
        return;
    }
    controller_->removeAll();
    for (RunPlot* plot : plots()) {
        plot->clearRuns();
    }
    model_->clear();
    nextColour_ = 0;
    refreshActions();
    refreshStatus();
}

void MainWindow::deleteRuns(const std::vector<core::RunId>& ids) {
    for (const core::RunId id : ids) {
        controller_->remove(id);
        for (RunPlot* plot : plots()) {
            plot->removeRun(id);
        }
        model_->removeRun(id);
    }
    refreshActions();
    refreshStatus();
}

void MainWindow::useSettingsOf(core::RunId id) {
    const RunEntry* entry = model_->entry(id);
    if (entry == nullptr) {
        return;
    }
    if (const QString error = panel_->setConfig(entry->config); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Settings not copied"),
                             tr("%1\n\nThe panel keeps its settings.").arg(error));
        return;
    }
    statusBar()->showMessage(tr("The panel now holds the settings of %1").arg(entry->name), 6000);
}

void MainWindow::onRecords(core::RunId id, const std::vector<core::EpochRecord>& records) {
    model_->appendRecords(id, records);
    for (RunPlot* plot : plots()) {
        plot->appendRecords(id, records);
    }
}

void MainWindow::onFinished(core::RunId id, const RunOutcome& outcome) {
    model_->finish(id, outcome);
    if (outcome.divergedAt) {
        for (RunPlot* plot : plots()) {
            plot->markDiverged(id, *outcome.divergedAt);
        }
    }
    refreshActions();
    files_->refresh();
}

void MainWindow::onFailed(core::RunId id, const QString& message) {
    model_->fail(id, message);
    refreshActions();
    statusBar()->showMessage(tr("Run %1 failed: %2").arg(id).arg(message), 15000);
}

void MainWindow::onLearningRateCommitted(double lr) {
    const core::RunId id = liveRun();
    if (id == 0) {
        return;
    }
    controller_->setLearningRate(id, lr);
    statusBar()->showMessage(tr("Run %1: learning rate %2 from its next batch")
                                 .arg(id)
                                 .arg(QString::fromStdString(core::formatCompact(lr))),
                             6000);
}

void MainWindow::refreshActions() {
    const bool valid = panel_->config().has_value();
    train_->setEnabled(valid);
    train_->setToolTip(valid ? withShortcut(tr("Start a new run with the panel's settings"), train_)
                             : tr("Cannot train — %1").arg(panel_->invalidReason()));
    const core::RunId target = targetRun();
    const bool active = target != 0 && controller_->isActive(target);
    const bool paused = active && controller_->isPaused(target);
    pause_->setEnabled(active);
    pause_->setText(paused ? tr("&Resume") : tr("&Pause"));
    pause_->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    pause_->setToolTip(withShortcut(paused ? tr("Resume run %1").arg(target)
                                           : tr("Pause the selected run (or the newest "
                                                "running one)"),
                                    pause_));
    step_->setEnabled(active);
    stop_->setEnabled(active);
    stopAll_->setEnabled(controller_->activeCount() > 0);
    clearAll_->setEnabled(!model_->runs().empty());

    const core::RunId live = liveRun();
    const RunEntry* liveEntry = live != 0 ? model_->entry(live) : nullptr;
    panel_->learningRatePanel()->setLiveTarget(
        liveEntry != nullptr
            ? tr("run %1 (%2, %3)").arg(live).arg(liveEntry->name, runStateName(liveEntry->state))
            : QString());
    files_->refresh();

    if (!valid) {
        activity_->setText(tr("Cannot train — %1").arg(panel_->invalidReason()));
        activity_->setStyleSheet(QStringLiteral("color: #B34700;"));
        showingInvalid_ = true;
    } else if (showingInvalid_) {
        activity_->setStyleSheet(QString());
        showingInvalid_ = false;
        refreshStatus();
    }
}

void MainWindow::refreshStatus() {
    if (!showingInvalid_) {
        const int training = controller_->trainingCount();
        const int queued = controller_->queuedCount();
        QStringList parts;
        parts << tr("%1 training").arg(training);
        if (queued > 0) {
            parts
                << tr("%1 queued (all %2 cores busy)").arg(queued).arg(controller_->threadCount());
        }
        parts << tr("%1 epochs/s").arg(QLocale().toString(controller_->epochsPerSecond(), 'f', 0));
        activity_->setText(parts.join(QStringLiteral("  ·  ")));
    }
    const core::RunId id = runList_->currentRun() != 0
                               ? runList_->currentRun()
                               : (model_->runs().empty() ? 0 : model_->runs().back().id);
    const RunEntry* entry = id != 0 ? model_->entry(id) : nullptr;
    if (entry == nullptr) {
        progress_->setText(QString());
    } else {
        const int epoch = entry->history.empty() ? 0 : entry->history.back().epoch;
        progress_->setText(tr("run %1: epoch %2 / %3 · %4")
                               .arg(id)
                               .arg(epoch)
                               .arg(entry->config.epochs)
                               .arg(runStateName(entry->state)));
    }
    const bool anyActive = controller_->activeCount() > 0;
    if (stopAll_->isEnabled() != anyActive) {
        refreshActions();
    }
}

}  // namespace lrscope::ui
