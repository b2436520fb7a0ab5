// Compiled only with the GUI libraries (LRSCOPE_WITH_PLOT).
#ifdef LRSCOPE_WITH_PLOT

#include "app/cli/offscreen_app.hpp"

#include <cstdio>
#include <cstdlib>

namespace lrscope::cli {

namespace {

// Qt's notes about the environment (e.g. XDG_RUNTIME_DIR) are not the user's concern on a
// command line; only fatal messages get through.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "lrscope-cli: %s\n", qPrintable(message));
    }
}

}  // namespace

std::unique_ptr<QApplication> ensureApplication() {
    if (QCoreApplication::instance() != nullptr) {
        return nullptr;
    }
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qInstallMessageHandler(quietQtMessages);
    static int argc = 1;
    static char name[] = "lrscope-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

}  // namespace lrscope::cli

#endif  // LRSCOPE_WITH_PLOT
