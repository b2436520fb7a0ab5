#pragma once

class QWidget;

namespace lrscope::ui {

// Help > About: what lrscope is, its version and commit, and the BLAS kernel in use.
void showAboutBox(QWidget* parent);

}  // namespace lrscope::ui
