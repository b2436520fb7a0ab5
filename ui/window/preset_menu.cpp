#include "ui/window/preset_menu.hpp"

#include <QInputDialog>
#include <QMessageBox>

#include "core/base/errors.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/window/preset_store.hpp"

namespace lrscope::ui {

PresetMenu::PresetMenu(PresetStore& store, ControlPanel& panel, QWidget* parent)
    : QMenu(tr("&Presets"), parent), store_(store), panel_(panel) {
    connect(this, &QMenu::aboutToShow, this, &PresetMenu::rebuild);
    rebuild();
}

void PresetMenu::rebuild() {
    clear();
    QAction* save = addAction(tr("&Save settings as preset..."), this, &PresetMenu::saveCurrent);
    save->setEnabled(panel_.config().has_value());
    if (!panel_.config()) {
        save->setToolTip(panel_.invalidReason());
    }
    addSeparator();
    const QStringList names = store_.presetNames();
    QMenu* loadMenu = addMenu(tr("&Load"));
    QMenu* deleteMenu = addMenu(tr("&Delete"));
    loadMenu->setEnabled(!names.isEmpty());
    deleteMenu->setEnabled(!names.isEmpty());
    for (const QString& name : names) {
        loadMenu->addAction(name, this, [this, name] {
            if (const QString error = load(name); !error.isEmpty()) {
                QMessageBox::warning(parentWidget(), tr("Preset not loaded"),
                                     tr("%1\n\nThe current settings are unchanged.").arg(error));
            }
        });
        deleteMenu->addAction(name, this, [this, name] {
            if (QMessageBox::question(parentWidget(), tr("Delete preset"),
                                      tr("Delete the preset '%1'?").arg(name)) ==
                QMessageBox::Yes) {
                store_.removePreset(name);
                emit message(tr("Deleted preset '%1'").arg(name));
            }
        });
    }
}

QString PresetMenu::load(const QString& name) {
    try {
        const core::RunConfig config = store_.loadPreset(name);
        if (const QString error = panel_.setConfig(config); !error.isEmpty()) {
            return tr("preset '%1': %2").arg(name, error);
        }
    } catch (const core::InputError& error) {
        return QString::fromStdString(error.what());
    }
    emit message(tr("Loaded preset '%1'").arg(name));
    return {};
}

void PresetMenu::saveCurrent() {
    const auto config = panel_.config();
    if (!config) {
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(parentWidget(), tr("Save preset"), tr("Name of the preset:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    if (store_.hasPreset(name) &&
        QMessageBox::question(parentWidget(), tr("Replace preset"),
                              tr("A preset named '%1' exists. Replace it?").arg(name)) !=
            QMessageBox::Yes) {
        return;
    }
    store_.savePreset(name, *config);
    emit message(tr("Saved preset '%1'").arg(name));
}

}  // namespace lrscope::ui
