#include "ui/session/recovery_autosave.hpp"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageBox>

#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"
#include "ui/session/session_actions.hpp"

namespace lrscope::ui {

namespace {

// More windows than this at once share the last file name without a lock.
constexpr int kSlots = 64;

QString slotFile(const QString& folder, int slot, const char* suffix) {
    return QDir(folder).filePath(QStringLiteral("recovery-%1.%2").arg(slot).arg(suffix));
}

// The lock of a window's recovery file. Age never makes it stale: only its process being gone.
std::unique_ptr<QLockFile> lockOf(const QString& recoveryFile) {
    const QFileInfo file(recoveryFile);
    auto lock = std::make_unique<QLockFile>(
        file.dir().filePath(file.completeBaseName() + QStringLiteral(".lock")));
    lock->setStaleLockTime(0);
    return lock;
}

}  // namespace

RecoveryAutosave::RecoveryAutosave(SessionActions& sessions, const QString& folder, QObject* parent)
    : QObject(parent), sessions_(sessions), folder_(folder) {
    QDir().mkpath(folder_);
    for (int slot = 1; slot <= kSlots && !lock_; ++slot) {
        path_ = slotFile(folder_, slot, "lrscope");
        auto lock = lockOf(path_);
        if (lock->tryLock(0)) {
            lock_ = std::move(lock);
        }
    }
    timer_.setInterval(kDefaultInterval);
    connect(&timer_, &QTimer::timeout, this, &RecoveryAutosave::autosave);
    connect(&sessions_, &SessionActions::changed, this, [this] { changed_ = true; });
    timer_.start();
}

RecoveryAutosave::~RecoveryAutosave() = default;

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
        QDir().mkpath(folder_);
        core::writeSessionFile(path_.toStdString(), sessions_.capture());
    } catch (const core::InputError& error) {
        // Nothing to tell the user every 30 s; the next change tries again.
        qWarning("lrscope: autosave failed: %s", error.what());
        return false;
    }
    changed_ = false;
    wroteOwn_ = true;
    emit autosaved(path_);
    return true;
}

void RecoveryAutosave::removeFile() {
    QFile::remove(path_);
}

bool RecoveryAutosave::hasRecoveryFile() const {
    return QFileInfo::exists(path_);
}

QStringList RecoveryAutosave::leftBehind() const {
    QFileInfoList found;
    const QStringList patterns = {QStringLiteral("recovery-*.lrscope"),
                                  QStringLiteral("recovery.lrscope")};  // lrscope 0.1's one file
    for (const QFileInfo& file : QDir(folder_).entryInfoList(patterns, QDir::Files)) {
        const bool own = file.absoluteFilePath() == QFileInfo(path_).absoluteFilePath();
        if (own) {
            // Left by the window that had this file before, until this one writes it.
            if (!wroteOwn_) {
                found.push_back(file);
            }
            continue;
        }
        // Another window's: left behind when its lock can be taken (its process is gone).
        const auto lock = lockOf(file.absoluteFilePath());
        if (lock->tryLock(0)) {
            found.push_back(file);
        }
    }
    std::sort(found.begin(), found.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() > b.lastModified();
    });
    QStringList paths;
    for (const QFileInfo& file : found) {
        paths << file.absoluteFilePath();
    }
    return paths;
}

bool RecoveryAutosave::offerRestore(const Ask& ask) {
    const QStringList files = leftBehind();
    if (files.isEmpty()) {
        return false;
    }
    const QString file = files.front();
    QString question =
        tr("lrscope did not close cleanly last time. Its runs were autosaved at %1.\n\n"
           "Restore them?")
            .arg(QFileInfo(file).lastModified().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
    if (files.size() > 1) {
        question += tr("\n\n(%n more autosave(s) from other windows wait for the next start.)",
                       nullptr, static_cast<int>(files.size() - 1));
    }
    const bool yes = ask ? ask(question)
                         : QMessageBox::question(nullptr, tr("Restore autosaved runs"), question,
                                                 QMessageBox::Yes | QMessageBox::No,
                                                 QMessageBox::Yes) == QMessageBox::Yes;
    if (!yes || !sessions_.openRecovered(file)) {
        // Declined, or broken (already reported): not offered again.
        QFile::remove(file);
        return false;
    }
    if (file == QFileInfo(path_).absoluteFilePath()) {
        wroteOwn_ = true;  // it holds this window's runs now
    } else {
        // The runs are this window's now: kept in its own file before the old one goes.
        changed_ = true;
        if (autosave()) {
            QFile::remove(file);
        }
    }
    return true;
}

}  // namespace lrscope::ui
