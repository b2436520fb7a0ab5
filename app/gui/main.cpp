// lrscope: the window. Everything lives in lrscope_ui; this only starts it.
#include <QApplication>
#include <QIcon>

#include "core/nn/linalg.hpp"
#include "ui/session/file_drop.hpp"
#include "ui/session/recovery_autosave.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/window/main_window.hpp"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("lrscope"));
    QApplication::setApplicationName(QStringLiteral("lrscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("lrscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/lrscope/icons/lrscope.svg")));
    lrscope::core::useSingleThreadedBlas();
    lrscope::ui::MainWindow window;
    window.show();
    // A recovery file left behind means the last window was killed or crashed.
    window.sessions().recovery().offerRestore();
    // `lrscope FILE...` opens each file as if it were dropped on the window.
    const QStringList files = QApplication::arguments().mid(1);
    for (const QString& file : files) {
        window.fileDrop().openDropped(file);
    }
    return QApplication::exec();
}
