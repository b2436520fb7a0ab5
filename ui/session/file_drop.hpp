#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace lrscope::ui {

class ControlPanel;
class SessionActions;

// Files dropped on the window go where they belong, judged by extension and content
// (core::detectFileKind): a session opens (after asking about unsaved runs), a data CSV
// becomes the data set, a weights file the next runs' starting weights, and runs CSVs,
// TensorBoard downloads and CSV logs are imported. What cannot be used gets one message
// saying what the file was taken for and why it did not load.
class FileDrop : public QObject {
    Q_OBJECT
public:
    // Accepts drops on `window` from now on.
    FileDrop(QWidget& window, SessionActions& sessions, ControlPanel& panel,
             QObject* parent = nullptr);

    // What a drop of `path` does; returns whether the file was used.
    bool openDropped(const QString& path);

signals:
    void message(const QString& text);  // a short note for the status bar

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refuse(const QString& path, const QString& takenFor, const QString& reason);

    QWidget& window_;
    SessionActions& sessions_;
    ControlPanel& panel_;
};

}  // namespace lrscope::ui
