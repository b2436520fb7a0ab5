#include "ui/session/recovery_autosave.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"
#include "ui/session/session_actions.hpp"

namespace lrscope::ui {

RecoveryAutosave::RecoveryAutosave(SessionActions& sessions, QString path, QObject* parent)
    : QObject(parent), sessions_(sessions), path_(std::move(path)) {
    timer_.setInterval(kDefaultInterval);
    connect(&timer_, &QTimer::timeout, this, &RecoveryAutosave::autosave);
    connect(&sessions_, &SessionActions::changed, this, [this] { changed_ = true; });
    timer_.start();
}

void RecoveryAutosave::setInterval(std::chrono::milliseconds interval) {
    timer_.start(interval);
}

std::chrono::milliseconds RecoveryAutosave::interval() const {
    return std::chrono::milliseconds(timer_.interval());
}

bool RecoveryAutosave::autosave() {
    if (!sessions_.hasUnsavedChanges()) {
        removeFile();
        changed_ = false;
        return false;
    }
    if (!changed_ && hasRecoveryFile()) {
        return false;
    }
    try {
        QDir().mkpath(QFileInfo(path_).absolutePath());
        core::writeSessionFile(path_.toStdString(), sessions_.capture());
    } catch (const core::InputError& error) {
        // Nothing to tell the user every 30 s; the next change tries again.
        qWarning("lrscope: autosave failed: %s", error.what());
        return false;
    }
    changed_ = false;
    emit autosaved(path_);
    return true;
}

void RecoveryAutosave::removeFile() {
    QFile::remove(path_);
}

bool RecoveryAutosave::hasRecoveryFile() const {
    return QFileInfo::exists(path_);
}

bool RecoveryAutosave::offerRestore(const Ask& ask) {
    if (!hasRecoveryFile()) {
        return false;
    }
    const QString question =
        tr("lrscope did not close cleanly last time. Its runs were autosaved at %1.\n\n"
           "Restore them?")
            .arg(QFileInfo(path_).lastModified().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
    const bool yes = ask ? ask(question)
                         : QMessageBox::question(nullptr, tr("Restore autosaved runs"), question,
                                                 QMessageBox::Yes | QMessageBox::No,
                                                 QMessageBox::Yes) == QMessageBox::Yes;
    if (!yes) {
        removeFile();
        return false;
    }
    if (!sessions_.openRecovered(path_)) {
        removeFile();  // already reported; a broken recovery file is not offered again
        return false;
    }
    return true;
}

}  // namespace lrscope::ui
