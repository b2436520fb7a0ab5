#pragma once

#include <chrono>
#include <functional>

#include <QObject>
#include <QString>
#include <QTimer>

namespace lrscope::ui {

class SessionActions;

// Autosave: every 30 s (by default) while runs are unsaved and changed since the last
// autosave, the session is written to a recovery file (atomically, through
// core::writeSessionFile). A clean quit, a save and a session without unsaved runs remove
// it, so a recovery file found at start means lrscope was killed or crashed: the next start
// offers to restore it.
class RecoveryAutosave : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{30'000};

    RecoveryAutosave(SessionActions& sessions, QString path, QObject* parent = nullptr);

    QString path() const { return path_; }
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    QTimer& timer() { return timer_; }

    // Writes the recovery file now when there is something to keep, removes it when not;
    // what the timer does. Returns whether the file was written.
    bool autosave();
    void removeFile();
    bool hasRecoveryFile() const;

    // At start: when a recovery file is there, asks whether to restore it (`ask` gets the
    // question); yes opens it as an unsaved session, no removes it. Returns whether it was
    // restored.
    using Ask = std::function<bool(const QString& question)>;
    bool offerRestore(const Ask& ask = {});

signals:
    void autosaved(const QString& path);

private:
    SessionActions& sessions_;
    QString path_;
    QTimer timer_;
    bool changed_ = false;  // since the last autosave
};

}  // namespace lrscope::ui
