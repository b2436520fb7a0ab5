#include "ui/views/view_focus.hpp"

#include <QDockWidget>
#include <QMainWindow>

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

void growViewTo(QWidget* viewWidget, int height) {
    for (QWidget* up = viewWidget; up != nullptr; up = up->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(up)) {
            auto* window = qobject_cast<QMainWindow*>(dock->parentWidget());
            if (window != nullptr && !dock->isFloating() && dock->height() < height) {
                window->resizeDocks({dock}, {height}, Qt::Vertical);
            }
            return;
        }
    }
}

}  // namespace lrscope::ui
