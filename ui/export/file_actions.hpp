#pragma once

#include <vector>

#include <QObject>

#include "core/training/epoch_record.hpp"
#include "ui/export/save_plot_dialog.hpp"

class QAction;
class QWidget;

namespace lrscope::ui {

class NetworkPanel;
class RunSelection;
class RunStore;

// Runs as the long CSV format of core/history_csv.hpp: one row per run and epoch.
std::string runsCsv(const RunStore& store);

// The window's file actions: save plot (dialog), copy plot, window screenshot, export runs as
// CSV, export the selected run's trained weights, import weights as the next runs' start.
// Every failure is reported in a message box and changes nothing.
class FileActions : public QObject {
    Q_OBJECT
public:
    struct Context {
        QWidget* window = nullptr;
        const RunStore* store = nullptr;
        const RunSelection* selection = nullptr;
        NetworkPanel* network = nullptr;
        std::vector<SavePlotDialog::Choice> plots;  // the first is copied to the clipboard
    };

    explicit FileActions(Context context, QObject* parent = nullptr);

    QAction* savePlot() const { return savePlot_; }
    QAction* copyPlot() const { return copyPlot_; }
    QAction* screenshot() const { return screenshot_; }
    QAction* exportRuns() const { return exportRuns_; }
    QAction* exportWeights() const { return exportWeights_; }
    QAction* importWeights() const { return importWeights_; }

    // Enables the actions that need runs or a finished selected run (on every change of the
    // store or the selection).
    void refresh();

signals:
    void message(const QString& text);  // a short note for the status bar

private:
    void onSavePlot();
    void onCopyPlot();
    void onScreenshot();
    void onExportRuns();
    void onExportWeights();
    void onImportWeights();
    QString lastFolder() const;
    void rememberFolder(const QString& path);

    Context context_;
    QAction* savePlot_;
    QAction* copyPlot_;
    QAction* screenshot_;
    QAction* exportRuns_;
    QAction* exportWeights_;
    QAction* importWeights_;
    QString folder_;
};

}  // namespace lrscope::ui
