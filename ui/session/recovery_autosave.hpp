#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QLockFile;

namespace lrscope::ui {

class SessionActions;

// Autosave: every 30 s (by default) while runs are unsaved and changed since the last
// autosave, the session is written to a recovery file (atomically, through
// core::writeSessionFile). A clean quit, a save and a session without unsaved runs remove
// it, so a recovery file found at start means lrscope was killed or crashed: the next start
// offers to restore it.
//
// Each window open at once has a recovery file of its own, "recovery-N.lrscope" in `folder`,
// held through a lock file "recovery-N.lock" while the window lives (QLockFile: the lock of a
// process that is gone is stale and taken over). So a second window neither writes over the
// first one's file nor offers it as left behind: only files whose window is gone are.
class RecoveryAutosave : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{30'000};

    RecoveryAutosave(SessionActions& sessions, const QString& folder, QObject* parent = nullptr);
    ~RecoveryAutosave() override;

    QString path() const { return path_; }
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    QTimer& timer() { return timer_; }

    // Writes the recovery file now when there is something to keep, removes it when not;
    // what the timer does. Returns whether the file was written.
    bool autosave();
    void removeFile();
    bool hasRecoveryFile() const;

    // Recovery files left by windows that are gone (this window's own included), newest first.
    QStringList leftBehind() const;

    // At start: when a window left a recovery file behind, asks whether to restore the newest
    // (`ask` gets the question); yes opens it as an unsaved session of this window, no removes
    // it. Others wait for the next start. Returns whether it was restored.
    using Ask = std::function<bool(const QString& question)>;
    bool offerRestore(const Ask& ask = {});

signals:
    void autosaved(const QString& path);

private:
    SessionActions& sessions_;
    QString folder_;
    QString path_;
    std::unique_ptr<QLockFile> lock_;  // held while this window lives
    QTimer timer_;
    bool changed_ = false;   // since the last autosave
    bool wroteOwn_ = false;  // this window has written its recovery file
};

}  // namespace lrscope::ui
