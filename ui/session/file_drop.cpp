#include "ui/session/file_drop.hpp"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

#include "core/base/errors.hpp"
#include "core/io/file_kind.hpp"
#include "core/io/weights_file.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/data_panel.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/session/session_actions.hpp"

namespace lrscope::ui {

namespace {

// Enough of a file to tell its kind: a CSV header or the start of a JSON document.
constexpr qint64 kHeadBytes = 64 * 1024;

bool hasLocalFiles(const QMimeData* mime) {
    if (mime == nullptr || !mime->hasUrls()) {
        return false;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            return true;
        }
    }
    return false;
}

}  // namespace

FileDrop::FileDrop(QWidget& window, SessionActions& sessions, ControlPanel& panel, QObject* parent)
    : QObject(parent), window_(window), sessions_(sessions), panel_(panel) {
    window_.setAcceptDrops(true);
    window_.installEventFilter(this);
}

bool FileDrop::eventFilter(QObject* watched, QEvent* event) {
    if (watched != &window_) {
        return false;
    }
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (hasLocalFiles(drag->mimeData())) {
            drag->acceptProposedAction();
            return true;
        }
        return false;
    }
    if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        if (!hasLocalFiles(drop->mimeData())) {
            return false;
        }
        drop->acceptProposedAction();
        for (const QUrl& url : drop->mimeData()->urls()) {
            if (url.isLocalFile()) {
                openDropped(url.toLocalFile());
            }
        }
        return true;
    }
    return false;
}

bool FileDrop::openDropped(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile()) {
        refuse(path, tr("a file"),
               info.isDir() ? tr("it is a folder; drop the files in it instead")
                            : tr("it does not exist"));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        refuse(path, tr("a file"), tr("it cannot be read (%1)").arg(file.errorString()));
        return false;
    }
    const QByteArray head = file.read(kHeadBytes);
    file.close();
    const core::DetectedFile kind = core::detectFileKind(
        path.toStdString(), std::string_view(head.constData(), static_cast<size_t>(head.size())));
    const QString takenFor = QString::fromStdString(core::fileKindDescription(kind));
    switch (kind.kind) {
        case core::FileKind::Session:
            return sessions_.maybeSave() && sessions_.openFile(path);
        case core::FileKind::Import:
            return sessions_.importFile(path);
        case core::FileKind::Weights:
            try {
                const core::NetworkWeights weights = core::readWeightsFile(path.toStdString());
                panel_.networkPanel()->setInitialWeights(weights, info.fileName());
            } catch (const core::InputError& error) {
                refuse(path, takenFor,
                       tr("it did not load: %1").arg(QString::fromStdString(error.what())));
                return false;
            }
            emit message(tr("The next runs start from the weights in %1").arg(info.fileName()));
            return true;
        case core::FileKind::DataCsv:
            if (const QString error = panel_.dataPanel()->openCsv(path); !error.isEmpty()) {
                refuse(path, takenFor, tr("it did not load: %1").arg(error));
                return false;
            }
            emit message(tr("The data set is now %1").arg(info.fileName()));
            return true;
    }
    return false;
}

void FileDrop::refuse(const QString& path, const QString& takenFor, const QString& reason) {
    sessions_.showError(tr("Dropped file not used"),
                        tr("%1 was taken for %2 (by its name and first bytes), but %3\n\n"
                           "lrscope takes sessions (.lrscope), data CSVs, weights JSON, runs "
                           "CSVs, TensorBoard CSV or JSON downloads and CSV logs with a step "
                           "column.")
                            .arg(QFileInfo(path).fileName(), takenFor, reason));
}

}  // namespace lrscope::ui
