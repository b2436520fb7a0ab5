#include "ui/session/session_actions.hpp"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/data/csv_records.hpp"
#include "core/io/imported_file.hpp"
#include "core/io/session_file.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/column_picker_dialog.hpp"
#include "ui/session/imported_runs.hpp"
#include "ui/session/recovery_autosave.hpp"
#include "ui/session/session_runs.hpp"
#include "ui/views/run_view.hpp"
#include "ui/window/preset_store.hpp"

namespace lrscope::ui {

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("session/recent");
const QString kFolderKey = QStringLiteral("session/folder");
const QString kSessionFilter = QObject::tr("lrscope sessions (*.lrscope)");

QJsonObject toQt(const nlohmann::json& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json.dump())).object();
}

nlohmann::json fromQt(const QJsonObject& object) {
    return nlohmann::json::parse(
        QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
}

QString fileNameOf(const QString& path) {
    return QFileInfo(path).fileName();
}

}  // namespace

SessionActions::SessionActions(Context context, QObject* parent)
    : QObject(parent),
      context_(context),
      new_(new QAction(tr("&New session"), this)),
      open_(new QAction(tr("&Open session..."), this)),
      recent_(new QMenu(tr("Open &recent"), context.window)),
      save_(new QAction(tr("&Save session"), this)),
      saveAs_(new QAction(tr("Save session &as..."), this)),
      import_(new QAction(tr("Import r&uns..."), this)) {
    new_->setShortcut(QKeySequence::New);
    new_->setToolTip(tr("Start an empty session (asks to save unsaved runs first)"));
    open_->setShortcut(QKeySequence::Open);
    open_->setToolTip(tr("Open an .lrscope session: its runs, plots and settings"));
    save_->setShortcut(QKeySequence::Save);
    save_->setToolTip(tr("Save every run, the plots' settings and the panel (Ctrl+S)"));
    saveAs_->setShortcut(QKeySequence::SaveAs);
    import_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    import_->setToolTip(
        tr("Lay runs from elsewhere beside these: a TensorBoard CSV or JSON download, any CSV "
           "log with a step column, or an lrscope runs CSV"));
    connect(new_, &QAction::triggered, this, &SessionActions::newSession);
    connect(open_, &QAction::triggered, this, [this] {
        if (!maybeSave()) {
            return;
        }
        const QString path = QFileDialog::getOpenFileName(
            context_.window, tr("Open session"),
            context_.presets->value(kFolderKey, QDir::homePath()).toString(),
            kSessionFilter + QStringLiteral(";;") + tr("All files (*)"));
        if (!path.isEmpty()) {
            openFile(path);
        }
    });
    connect(save_, &QAction::triggered, this, &SessionActions::save);
    connect(saveAs_, &QAction::triggered, this, [this] {
        const QString path = chooseSavePath();
        if (!path.isEmpty()) {
            saveTo(path);
        }
    });
    connect(import_, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            context_.window, tr("Import runs"),
            context_.presets->value(kFolderKey, QDir::homePath()).toString(),
            tr("Runs and logs (*.csv *.json);;All files (*)"));
        if (!path.isEmpty()) {
            importFile(path);
        }
    });

    RunStore* store = context_.store;
    connect(store, &RunStore::runAdded, this, &SessionActions::markModified);
    connect(store, &RunStore::runRemoved, this, &SessionActions::markModified);
    connect(store, &RunStore::cleared, this, &SessionActions::markModified);
    connect(store, &RunStore::runChanged, this, &SessionActions::markModified);
    connect(store, &RunStore::recordsAppended, this, &SessionActions::markModified);

    // Beside the settings file, so that each settings file (a test's too) has its own.
    const QString folder = QFileInfo(context_.presets->fileName()).absolutePath();
    recovery_ = new RecoveryAutosave(*this, folder, this);
    refreshRecentMenu();
    refreshTitle();
}

SessionActions::~SessionActions() = default;

bool SessionActions::hasUnsavedChanges() const {
    // An untitled window without runs has nothing to lose, whatever happened in it.
    return modified_ && !(path_.isEmpty() && context_.store->empty());
}

QStringList SessionActions::recentFiles() const {
    return context_.presets->value(kRecentKey).toStringList();
}

void SessionActions::markModified() {
    if (applying_) {
        return;
    }
    emit changed();
    // Also when already modified: removing the last run of an untitled window leaves nothing
    // unsaved.
    if (!modified_ || context_.window->isWindowModified() != hasUnsavedChanges()) {
        modified_ = true;
        refreshTitle();
    }
}

void SessionActions::setDocument(const QString& path, bool modified) {
    path_ = path;
    modified_ = modified;
    refreshTitle();
}

void SessionActions::refreshTitle() {
    // Qt shows "*" for "[*]" while the window is modified and appends " — lrscope".
    const QString name = path_.isEmpty() ? tr("learning-rate explorer") : fileNameOf(path_);
    const QString title = path_.isEmpty() ? QStringLiteral("%1[*]").arg(name)
                                          : tr("%1[*] · learning-rate explorer").arg(name);
    context_.window->setWindowTitle(title);
    context_.window->setWindowModified(hasUnsavedChanges());
    save_->setEnabled(!context_.store->empty() || !path_.isEmpty());
    saveAs_->setEnabled(save_->isEnabled());
}

core::Session SessionActions::capture() const {
    core::Session session;
    captureRuns(*context_.store, session);
    for (const auto& view : *context_.views) {
        const QJsonObject state = view->sessionState();
        if (!state.isEmpty()) {
            session.views[view->key().toStdString()] = fromQt(state);
        }
    }
    // While an entry is invalid the panel has no settings to store: the defaults stand in.
    session.panel = context_.panel->config().value_or(core::RunConfig{});
    session.panel.initialWeights.reset();
    return session;
}

void SessionActions::apply(const core::Session& session) {
    applying_ = true;
    context_.controller->removeAll();
    context_.store->takeAll();
    context_.commands->forgetUndo();
    for (Run& run : runsOfSession(session)) {
        run.id = context_.controller->reserveId();
        for (core::EpochRecord& record : run.history) {
            record.runId = run.id;
        }
        context_.store->addFinishedRun(std::move(run));
    }
    const QString panelError = context_.panel->setConfig(session.panel);
    for (const auto& view : *context_.views) {
        const auto it = session.views.find(view->key().toStdString());
        if (it != session.views.end() && it->second.is_object()) {
            view->restoreSessionState(toQt(it->second));
        }
    }
    applying_ = false;
    if (!panelError.isEmpty()) {
        emit message(
            tr("The panel keeps its settings: the session's do not load (%1)").arg(panelError));
    }
}

bool SessionActions::openFile(const QString& path) {
    core::Session session;
    try {
        session = core::readSessionFile(path.toStdString());
    } catch (const core::InputError& error) {
        showError(
            tr("Session not opened"),
            tr("%1\n\nThe open session is unchanged.").arg(QString::fromStdString(error.what())));
        return false;
    }
    apply(session);
    setDocument(QFileInfo(path).absoluteFilePath(), false);
    rememberRecent(path_);
    recovery_->removeFile();
    emit message(
        tr("Opened %1 (%2)")
            .arg(QDir::toNativeSeparators(path_))
            .arg(session.runs.size() + session.importedRuns.size() == 1
                     ? tr("1 run")
                     : tr("%1 runs").arg(session.runs.size() + session.importedRuns.size())));
    return true;
}

bool SessionActions::openRecovered(const QString& path) {
    core::Session session;
    try {
        session = core::readSessionFile(path.toStdString());
    } catch (const core::InputError& error) {
        showError(tr("Autosaved runs not restored"), QString::fromStdString(error.what()));
        return false;
    }
    apply(session);
    setDocument(QString(), true);
    emit message(tr("Restored the autosaved runs; save them to keep them"));
    return true;
}

bool SessionActions::saveTo(const QString& target) {
    QString path = target;
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".lrscope");
    }
    try {
        core::writeSessionFile(path.toStdString(), capture());
    } catch (const core::InputError& error) {
        showError(tr("Session not saved"), QString::fromStdString(error.what()));
        return false;
    }
    setDocument(QFileInfo(path).absoluteFilePath(), false);
    rememberRecent(path_);
    recovery_->removeFile();
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(path_)));
    return true;
}

bool SessionActions::save() {
    if (!path_.isEmpty()) {
        return saveTo(path_);
    }
    const QString path = chooseSavePath();
    return !path.isEmpty() && saveTo(path);
}

QString SessionActions::chooseSavePath() {
    const QString start =
        path_.isEmpty() ? QDir(context_.presets->value(kFolderKey, QDir::homePath()).toString())
                              .filePath(QStringLiteral("session.lrscope"))
                        : path_;
    return QFileDialog::getSaveFileName(context_.window, tr("Save session"), start, kSessionFilter);
}

void SessionActions::newSession() {
    if (!maybeSave()) {
        return;
    }
    applying_ = true;
    context_.controller->removeAll();
    context_.store->takeAll();
    context_.commands->forgetUndo();
    applying_ = false;
    setDocument(QString(), false);
    recovery_->removeFile();
}

bool SessionActions::maybeSave() {
    if (!hasUnsavedChanges()) {
        return true;
    }
    const QString question =
        path_.isEmpty() ? tr("The runs in this window are not saved. Save them as a session?")
                        : tr("%1 has unsaved runs. Save them?").arg(fileNameOf(path_));
    SaveChoice choice = SaveChoice::Cancel;
    if (ask_) {
        choice = ask_(question);
    } else {
        const auto button = QMessageBox::question(
            context_.window, tr("Unsaved runs"), question,
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = button == QMessageBox::Save      ? SaveChoice::Save
                 : button == QMessageBox::Discard ? SaveChoice::Discard
                                                  : SaveChoice::Cancel;
    }
    switch (choice) {
        case SaveChoice::Save:
            return save();
        case SaveChoice::Discard:
            return true;
        case SaveChoice::Cancel:
            return false;
    }
    return false;
}

bool SessionActions::importFile(const QString& path) {
    std::string text;
    try {
        text = core::readFile(path.toStdString());
    } catch (const core::InputError& error) {
        showError(tr("Runs not imported"), QString::fromStdString(error.what()));
        return false;
    }
    core::CsvSeriesColumns columns;
    if (core::detectImportFormat(path.toStdString(), text) == core::ImportFormat::GenericCsv &&
        !pickColumns(path, columns)) {
        return false;
    }
    return importFile(path, columns);
}

bool SessionActions::importFile(const QString& path, const core::CsvSeriesColumns& columns) {
    std::vector<Run> runs;
    try {
        runs = importedRuns(core::readImportedFile(path.toStdString(), columns),
                            QFileInfo(path).fileName());
    } catch (const core::InputError& error) {
        showError(tr("Runs not imported"),
                  tr("%1\n\nNothing was imported.").arg(QString::fromStdString(error.what())));
        return false;
    }
    const auto count = runs.size();
    for (Run& run : runs) {
        run.id = context_.controller->reserveId();
        for (core::EpochRecord& record : run.history) {
            record.runId = run.id;
        }
        context_.store->addFinishedRun(std::move(run));
    }
    context_.presets->setValue(kFolderKey, QFileInfo(path).absolutePath());
    emit message(tr("Imported %1 from %2")
                     .arg(count == 1 ? tr("1 run") : tr("%1 runs").arg(count), fileNameOf(path)));
    return true;
}

bool SessionActions::pickColumns(const QString& path, core::CsvSeriesColumns& columns) {
    if (pickColumns_) {
        return pickColumns_(path, columns);
    }
    // The dialog starts from what the reader picks by itself; a file it cannot read at all
    // gets the reader's message instead of a dialog.
    std::vector<std::string> header;
    std::vector<core::ImportedSeries> defaults;
    try {
        const std::string text = core::readFile(path.toStdString());
        const std::string source = path.toStdString();
        core::CsvRecordReader records(text, source);
        int line = 0;
        records.next(header, line);
        defaults = core::genericCsvFromText(text, source);
    } catch (const core::InputError&) {
        if (header.empty()) {
            return true;  // importFile() reads it again and reports what is wrong
        }
    }
    std::string x;
    for (const std::string& name : header) {
        for (const char* counter : {"step", "iteration", "epoch"}) {
            if (x.empty() && QString::fromStdString(name).compare(QLatin1String(counter),
                                                                  Qt::CaseInsensitive) == 0) {
                x = name;
            }
        }
    }
    std::vector<std::string> y;
    for (const core::ImportedSeries& series : defaults) {
        y.push_back(series.name);
    }
    ColumnPickerDialog dialog(fileNameOf(path), header, x, y, context_.window);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    columns = dialog.columns();
    return true;
}

void SessionActions::rememberRecent(const QString& path) {
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) {
        recent.removeLast();
    }
    context_.presets->setValue(kRecentKey, recent);
    context_.presets->setValue(kFolderKey, QFileInfo(path).absolutePath());
    refreshRecentMenu();
}

void SessionActions::refreshRecentMenu() {
    recent_->clear();
    const QStringList recent = recentFiles();
    for (const QString& path : recent) {
        QAction* action = recent_->addAction(fileNameOf(path), this, [this, path] {
            if (maybeSave()) {
                openFile(path);
            }
        });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!recent.isEmpty()) {
        recent_->addSeparator();
        recent_->addAction(tr("Clear the list"), this, [this] {
            context_.presets->setValue(kRecentKey, QStringList());
            refreshRecentMenu();
        });
    }
    recent_->setEnabled(!recent.isEmpty());
}

void SessionActions::showError(const QString& title, const QString& text) const {
    if (showError_) {
        showError_(title, text);
    } else {
        QMessageBox::warning(context_.window, title, text);
    }
}

}  // namespace lrscope::ui
