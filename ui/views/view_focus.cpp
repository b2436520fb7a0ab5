#include "ui/views/view_focus.hpp"

#include <QDockWidget>

namespace lrscope::ui {

void bringViewForward(QWidget* viewWidget) {
    for (QWidget* up = viewWidget; up != nullptr; up = up->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(up)) {
            dock->show();
            dock->raise();
            return;
        }
    }
}

}  // namespace lrscope::ui
