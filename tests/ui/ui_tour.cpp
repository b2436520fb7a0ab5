// Drives the lrscope window through the scenes a reviewer looks at and saves a screenshot of
// each: idle, three runs training, finished runs with a diverged one, eight long runs, twelve
// runs (styles past the palette), a figure for a post (PNG and PDF), a sweep (open and folded
// in the run list), an invalid entry and the save dialog. Not a test: run it under Xvfb (xcb) to
// see the real window, e.g.
//   xvfb-run -a -s '-screen 0 1280x800x24' ./ui_tour OUT_DIR
#include <functional>
#include <vector>

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include "core/nn/linalg.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/export/file_actions.hpp"
#include "ui/export/plot_export.hpp"
#include "ui/export/save_plot_dialog.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/learning_rate_panel.hpp"
#include "ui/panels/optimizer_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/sweep/sweep_view.hpp"
#include "ui/views/view_focus.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/window/main_window.hpp"
#include "ui/window/training_toolbar.hpp"

using namespace lrscope;

namespace {

// Under xcb: what the screen shows, the X root window as `import -window root` takes it, so a
// panel clipped by the real window is seen clipped (a widget grab paints every widget whole).
// The window and its dialogs are repainted and flushed first, so the X server holds no stale
// pixels. Elsewhere (offscreen): the window as Qt paints it, with any open dialog drawn where
// it sits.
void shoot(QWidget& window, const QString& path) {
    if (QGuiApplication::platformName() == QLatin1String("xcb")) {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (widget->isVisible()) {
                widget->repaint();
            }
        }
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        window.screen()->grabWindow(0).save(path);
        return;
    }
    QPixmap pixmap = window.grab();
    QPainter painter(&pixmap);
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget != &window && widget->isVisible() && qobject_cast<QDialog*>(widget)) {
            painter.drawPixmap(widget->geometry().topLeft() - window.geometry().topLeft(),
                               widget->grab());
        }
    }
    painter.end();
    pixmap.save(path);
}

core::RunConfig withRate(const core::RunConfig& base, core::OptimizerKind kind, double lr,
                         int epochs) {
    core::RunConfig config = base;
    const double keep = lr;
    config.optimizer = core::defaultsFor(kind);
    config.optimizer.lr = keep;
    config.epochs = epochs;
    return config;
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    core::useSingleThreadedBlas();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QDir().mkpath(out);
    QTemporaryDir settings;
    ui::MainWindow window(
        std::make_unique<ui::PresetStore>(settings.filePath(QStringLiteral("tour.ini"))), 4);
    window.show();

    ui::ControlPanel& panel = window.panel();
    core::RunConfig base = *panel.config();
    base.data.dataset = "moons";
    base.hiddenLayers = {8, 8};
    core::RunConfig sine = base;
    sine.data.dataset = "sine";
    sine.data.task = core::Task::Regress;
    sine.loss = core::LossKind::Mse;
    std::vector<std::pair<int, std::function<void()>>> scenes = {
        {1200, [&] { shoot(window, out + QStringLiteral("/idle.png")); }},
        {100,
         [&] {
             window.toolBar().paceBox()->setCurrentIndex(2);  // 50 epochs/s
             for (const auto& [kind, lr] : std::vector<std::pair<core::OptimizerKind, double>>{
                      {core::OptimizerKind::Sgd, 1e-3},
                      {core::OptimizerKind::Sgd, 0.1},
                      {core::OptimizerKind::Adam, 3e-3},
                      {core::OptimizerKind::Sgd, 3.0}}) {
                 panel.setConfig(withRate(base, kind, lr, 300));
                 window.commands().train();
             }
         }},
        {3500, [&] { shoot(window, out + QStringLiteral("/training.png")); }},
        {100, [&] { window.toolBar().paceBox()->setCurrentIndex(0); }},
        {6000,
         [&] {
             window.selection().selectOnly(3);
             shoot(window, out + QStringLiteral("/done.png"));
             window.commands().setConfirm([](const QString&, const QString&) { return true; });
             window.commands().clearAll();
             for (const double lr : {3e-3, 0.03, 0.3, 10.0}) {
                 panel.setConfig(withRate(sine, core::OptimizerKind::Sgd, lr, 200));
                 window.commands().train();
             }
         }},
        {3000, [&] { window.selection().selectOnly(8); }},
        {1000,
         [&] {
             shoot(window, out + QStringLiteral("/diverged.png"));
             // Eight long runs: 160,000 points, drawn thin, the dense curves column by column.
             window.commands().setConfirm([](const QString&, const QString&) { return true; });
             window.commands().clearAll();
             for (const double lr : {1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0}) {
                 panel.setConfig(withRate(base, core::OptimizerKind::Sgd, lr, 10'000));
                 window.commands().train();
             }
         }},
        {12000,
         [&] {
             shoot(window, out + QStringLiteral("/long-runs.png"));
             // Twelve runs: past the palette's ten colours the styles add markers.
             window.commands().clearAll();
             window.toolBar().paceBox()->setCurrentIndex(0);
             int n = 0;
             for (const double lr : {1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3}) {
                 for (const auto kind : {core::OptimizerKind::Sgd, core::OptimizerKind::Adam}) {
                     panel.setConfig(withRate(base, kind, lr * (n++ % 2 == 0 ? 1.0 : 0.1), 150));
                     window.commands().train();
                 }
             }
         }},
        {6000,
         [&] {
             shoot(window, out + QStringLiteral("/twelve-runs.png"));
             // The figure for a post: both plots, a title and the key, as PNG and PDF.
             ui::PlotStack stack;
             for (const char* key : {"curves", "signals"}) {
                 stack.push_back(window.view(QString::fromLatin1(key))->exportablePlot());
             }
             ui::FigureOptions options;
             options.title = QStringLiteral("Twelve runs: SGD and Adam across rates");
             options.seriesKey = true;
             for (const char* name : {"/figure.png", "/figure.pdf"}) {
                 ui::exportFigure(stack, out + QString::fromLatin1(name), {1200, 900, 1.0},
                                  options);
             }
         }},
        {300,
         [&] {
             // A sweep: its runs under one row of the run list, their U-curve growing.
             window.commands().clearAll();
             window.toolBar().paceBox()->setCurrentIndex(2);
             panel.setConfig(withRate(base, core::OptimizerKind::Sgd, 0.1, 300));
             window.commands().train();
             ui::SweepRequest request;
             request.optimizers = {core::OptimizerKind::Sgd, core::OptimizerKind::Adam};
             request.minLr = 1e-3;
             request.maxLr = 1.0;
             request.count = 6;
             auto& sweep = dynamic_cast<ui::SweepView&>(*window.view(QStringLiteral("sweep")));
             sweep.startSweep(request);
             ui::bringViewForward(sweep.widget());
             ui::growViewTo(sweep.widget(), 300);
         }},
        {4000, [&] { shoot(window, out + QStringLiteral("/sweep.png")); }},
        {100,
         [&] {
             auto* list = window.findChild<QTreeView*>(QString(), Qt::FindChildrenRecursively);
             list->collapseAll();
             window.toolBar().paceBox()->setCurrentIndex(0);
         }},
        {3000, [&] { shoot(window, out + QStringLiteral("/sweep-folded.png")); }},
        {300,
         [&] { panel.learningRatePanel()->slider()->entry()->setText(QStringLiteral("3e-3x")); }},
        {500,
         [&] {
             shoot(window, out + QStringLiteral("/invalid.png"));
             panel.learningRatePanel()->slider()->entry()->setText(QStringLiteral("3e-3"));
         }},
        {300,
         [&] {
             // The dialog File > Save plot opens, shown without blocking the tour.
             QTimer::singleShot(600, &window, [&] {
                 shoot(window, out + QStringLiteral("/save-dialog.png"));
                 if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                     dialog->reject();
                 }
             });
             window.files().savePlot()->trigger();
         }},
        {1000, [] {}},
        {100,
         [&] {
             // The tour's runs are not kept: quitting asks nothing.
             window.sessions().setAskToSave(
                 [](const QString&) { return ui::SessionActions::SaveChoice::Discard; });
             QApplication::quit();
         }},
    };
    // One scene at a time: the next is scheduled only when the last has finished, because
    // shoot() runs the event loop, and a later scene already due would run inside it.
    std::function<void(std::size_t)> play = [&](std::size_t index) {
        if (index == scenes.size()) {
            return;
        }
        QTimer::singleShot(scenes[index].first, Qt::PreciseTimer, &window, [&, index] {
            scenes[index].second();
            play(index + 1);
        });
    };
    play(0);
    return QApplication::exec();
}
