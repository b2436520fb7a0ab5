#pragma once

#include <memory>

#include <QApplication>

namespace lrscope::cli {

// QCustomPlot draws through QWidget machinery, so `plot` needs a QApplication: this makes one
// on the offscreen platform (unless QT_QPA_PLATFORM says otherwise) with Qt's notes about the
// environment silenced, or returns nullptr when one exists already.
std::unique_ptr<QApplication> ensureApplication();

}  // namespace lrscope::cli
