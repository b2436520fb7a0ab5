#include "ui/export/file_actions.hpp"

#include <qcustomplot.h>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStyle>
#include <QWidget>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/history_csv.hpp"
#include "core/io/weights_file.hpp"
#include "core/nn/network_weights.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/session/session_runs.hpp"

namespace lrscope::ui {

std::string runsCsv(const RunStore& store) {
    std::string text = core::longCsvHeader() + "\n";
    for (const Run& run : store.runs()) {
        core::NamedHistory named;
        named.name = run.name.toStdString();
        named.optimizer = std::string(core::optimizerName(run.config.optimizer.kind));
        named.baseLr = run.config.optimizer.lr;
        named.run = static_cast<int>(run.id);
        // The status columns keep a diverged run diverged when the CSV is plotted or imported.
        named.status = storedStatus(run.state);
        if (named.status == core::FinishedStatus::Diverged && run.divergedAt) {
            named.divergedAt = run.divergedAt;
        } else if (named.status == core::FinishedStatus::Diverged) {
            named.status = core::FinishedStatus::Stopped;
        }
        for (const core::EpochRecord& record : run.history) {
            text += core::longCsvRow(named, record);
            text += '\n';
        }
    }
    return text;
}

FileActions::FileActions(Context context, QObject* parent)
    : QObject(parent),
      context_(std::move(context)),
      savePlot_(new QAction(tr("&Save plot..."), this)),
      copyPlot_(new QAction(tr("&Copy plot"), this)),
      screenshot_(new QAction(tr("Save window &screenshot..."), this)),
      exportRuns_(new QAction(tr("&Export runs as CSV..."), this)),
      exportWeights_(new QAction(tr("Export selected run's &weights..."), this)),
      importWeights_(new QAction(tr("&Import weights..."), this)),
      folder_(QDir::homePath()) {
    QStyle* style = context_.window->style();
    savePlot_->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    // Ctrl+S saves the session; the plot has its own key.
    savePlot_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    savePlot_->setToolTip(tr("Save a plot as PNG, PDF or SVG at a chosen size (Ctrl+Shift+P)"));
    copyPlot_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    copyPlot_->setToolTip(tr("Copy the loss plot to the clipboard as an image"));
    screenshot_->setToolTip(tr("Save a PNG of the whole window"));
    exportRuns_->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    exportRuns_->setToolTip(tr("One row per run and epoch (the format lrscope-cli plot reads)"));
    exportWeights_->setToolTip(
        tr("The trained weights of the selected finished run, as JSON "
           "in PyTorch's nn.Linear layout"));
    importWeights_->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    importWeights_->setToolTip(tr("Start the next runs from weights in a JSON file"));
    connect(savePlot_, &QAction::triggered, this, &FileActions::onSavePlot);
    connect(copyPlot_, &QAction::triggered, this, &FileActions::onCopyPlot);
    connect(screenshot_, &QAction::triggered, this, &FileActions::onScreenshot);
    connect(exportRuns_, &QAction::triggered, this, &FileActions::onExportRuns);
    connect(exportWeights_, &QAction::triggered, this, &FileActions::onExportWeights);
    connect(importWeights_, &QAction::triggered, this, &FileActions::onImportWeights);
    connect(context_.store, &RunStore::runAdded, this, &FileActions::refresh);
    connect(context_.store, &RunStore::runRemoved, this, &FileActions::refresh);
    connect(context_.store, &RunStore::cleared, this, &FileActions::refresh);
    connect(context_.store, &RunStore::runChanged, this, &FileActions::refresh);
    connect(context_.selection, &RunSelection::changed, this, &FileActions::refresh);
    refresh();
}

void FileActions::refresh() {
    exportRuns_->setEnabled(!context_.store->empty());
    const Run* run = context_.store->run(context_.selection->current());
    exportWeights_->setEnabled(run != nullptr && run->finalWeights.has_value());
}

QString FileActions::lastFolder() const {
    return folder_;
}

void FileActions::rememberFolder(const QString& path) {
    folder_ = QFileInfo(path).absolutePath();
}

void FileActions::onSavePlot() {
    SavePlotDialog dialog(context_.plots,
                          QDir(lastFolder()).filePath(QStringLiteral("lrscope.png")),
                          context_.window);
    if (dialog.exec() == QDialog::Accepted) {
        rememberFolder(dialog.path());
        emit message(tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path())));
    }
}

void FileActions::onCopyPlot() {
    if (context_.plots.empty()) {
        return;
    }
    QCustomPlot* plot = context_.plots.front().plot;
    FigureSize size;
    size.width = std::max(plot->width(), kMinFigureSide);
    size.height = std::max(plot->height(), kMinFigureSide);
    size.scale = context_.window->devicePixelRatioF();
    QApplication::clipboard()->setImage(renderFigure(*plot, size));
    emit message(tr("Copied the plot to the clipboard"));
}

void FileActions::onScreenshot() {
    const QString path = QFileDialog::getSaveFileName(
        context_.window, tr("Save window screenshot"),
        QDir(lastFolder()).filePath(QStringLiteral("lrscope-window.png")), tr("PNG image (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    const QImage image = context_.window->grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        QMessageBox::warning(context_.window, tr("Screenshot not saved"),
                             tr("%1: cannot write (%2)").arg(path, file.errorString()));
        return;
    }
    rememberFolder(path);
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void FileActions::onExportRuns() {
    const QString path = QFileDialog::getSaveFileName(
        context_.window, tr("Export runs as CSV"),
        QDir(lastFolder()).filePath(QStringLiteral("runs.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        core::writeFileAtomically(path.toStdString(), runsCsv(*context_.store));
    } catch (const core::InputError& error) {
        QMessageBox::warning(context_.window, tr("Runs not exported"),
                             QString::fromStdString(error.what()));
        return;
    }
    rememberFolder(path);
    const auto count = context_.store->runs().size();
    emit message(tr("Exported %1 to %2")
                     .arg(count == 1 ? tr("1 run") : tr("%1 runs").arg(count),
                          QDir::toNativeSeparators(path)));
}

void FileActions::onExportWeights() {
    const core::RunId id = context_.selection->current();
    const Run* run = context_.store->run(id);
    const auto weights = run != nullptr ? run->finalWeights : std::nullopt;
    if (!weights) {
        QMessageBox::information(context_.window, tr("No weights to export"),
                                 tr("Select a finished run first: its trained weights are "
                                    "available once it is done, stopped or diverged."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        context_.window, tr("Export trained weights"),
        QDir(lastFolder()).filePath(QStringLiteral("run%1-weights.json").arg(id)),
        tr("Weights JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        core::writeWeightsFile(path.toStdString(), *weights);
    } catch (const core::InputError& error) {
        QMessageBox::warning(context_.window, tr("Weights not exported"),
                             QString::fromStdString(error.what()));
        return;
    }
    rememberFolder(path);
    emit message(
        tr("Exported the weights of run %1 to %2").arg(id).arg(QDir::toNativeSeparators(path)));
}

void FileActions::onImportWeights() {
    const QString path =
        QFileDialog::getOpenFileName(context_.window, tr("Import initial weights"), lastFolder(),
                                     tr("Weights JSON (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        const core::NetworkWeights weights = core::readWeightsFile(path.toStdString());
        context_.network->setInitialWeights(weights, QFileInfo(path).fileName());
    } catch (const core::InputError& error) {
        QMessageBox::warning(context_.window, tr("Cannot use these weights"),
                             QString::fromStdString(error.what()));
        return;
    }
    rememberFolder(path);
    emit message(tr("The next runs start from %1").arg(QFileInfo(path).fileName()));
}

}  // namespace lrscope::ui
