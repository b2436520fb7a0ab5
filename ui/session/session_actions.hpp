#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QObject>
#include <QStringList>

#include "core/io/generic_csv_import.hpp"
#include "core/io/session.hpp"

class QAction;
class QMenu;
class QWidget;

namespace lrscope::ui {

class ControlPanel;
class PresetStore;
class RecoveryAutosave;
class RunCommands;
class RunStore;
class RunView;
class TrainingController;

// The window's session file: File > New, Open..., Open Recent, Save, Save As... and Import
// runs.... It knows which file is open and whether runs changed since it was saved (the
// window's title shows both), asks before unsaved runs are dropped, and keeps the recent
// files. Opening reads the whole file first: a corrupt one gets one message naming the file
// and the JSON path, and the open session stays as it was. A session holds every run, the
// imported curves, each view's sessionState() and the panel's settings.
class SessionActions : public QObject {
    Q_OBJECT
public:
    struct Context {
        QWidget* window = nullptr;
        RunStore* store = nullptr;
        TrainingController* controller = nullptr;
        ControlPanel* panel = nullptr;
        RunCommands* commands = nullptr;
        const std::vector<std::unique_ptr<RunView>>* views = nullptr;
        PresetStore* presets = nullptr;
    };

    explicit SessionActions(Context context, QObject* parent = nullptr);
    ~SessionActions() override;

    QAction* newAction() const { return new_; }
    QAction* openAction() const { return open_; }
    QMenu* recentMenu() const { return recent_; }
    QAction* saveAction() const { return save_; }
    QAction* saveAsAction() const { return saveAs_; }
    QAction* importAction() const { return import_; }
    RecoveryAutosave& recovery() const { return *recovery_; }

    QString path() const { return path_; }  // the open session file; empty while untitled
    // Runs changed since the session was opened or saved, and there is something to lose.
    bool hasUnsavedChanges() const;
    QStringList recentFiles() const;

    // The window as a session, and the reverse (every run is replaced; the panel takes the
    // session's settings when they still load, else says why in a message).
    core::Session capture() const;
    void apply(const core::Session& session);

    // Each returns whether it happened; failures are shown (see setShowError).
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    bool save();  // to the open file, else Save As
    void newSession();
    // Opens a recovered session as unsaved and untitled (see RecoveryAutosave).
    bool openRecovered(const QString& path);
    // Reads runs from another tool's file (or a runs CSV) into the store, read-only. With no
    // columns given, a CSV log first shows the column picker.
    bool importFile(const QString& path);
    bool importFile(const QString& path, const core::CsvSeriesColumns& columns);

    // Before unsaved runs are dropped (New, Open, quitting): Save, Discard or Cancel. True
    // when the caller may go on.
    bool maybeSave();

    enum class SaveChoice { Save, Discard, Cancel };
    using AskToSave = std::function<SaveChoice(const QString& question)>;
    using ShowError = std::function<void(const QString& title, const QString& text)>;
    using PickColumns = std::function<bool(const QString& path, core::CsvSeriesColumns& columns)>;
    // Tests and the stress driver answer without dialogs.
    void setAskToSave(AskToSave ask) { ask_ = std::move(ask); }
    void setShowError(ShowError show) { showError_ = std::move(show); }
    void setPickColumns(PickColumns pick) { pickColumns_ = std::move(pick); }
    // Shows a failure the way every session action does (a message box unless replaced).
    void showError(const QString& title, const QString& text) const;

signals:
    void message(const QString& text);  // a short note for the status bar
    void changed();                     // runs changed (the autosave listens)

private:
    void markModified();
    void setDocument(const QString& path, bool modified);
    void refreshTitle();
    void refreshRecentMenu();
    void rememberRecent(const QString& path);
    QString chooseSavePath();
    bool pickColumns(const QString& path, core::CsvSeriesColumns& columns);

    Context context_;
    QAction* new_;
    QAction* open_;
    QMenu* recent_;
    QAction* save_;
    QAction* saveAs_;
    QAction* import_;
    RecoveryAutosave* recovery_;
    QString path_;
    bool modified_ = false;
    bool applying_ = false;  // apply() is replacing the runs: not a change by the user
    AskToSave ask_;
    ShowError showError_;
    PickColumns pickColumns_;
};

}  // namespace lrscope::ui
