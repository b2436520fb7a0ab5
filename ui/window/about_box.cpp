// Apart from the window: only this file sees the commit header, which changes with every commit.
#include "ui/window/about_box.hpp"

#include <QCoreApplication>
#include <QMessageBox>

#include "core/nn/blas_backend.hpp"
#include "lrscope/build_info.hpp"

namespace lrscope::ui {

void showAboutBox(QWidget* parent) {
    QMessageBox::about(
        parent, QCoreApplication::translate("AboutBox", "About lrscope"),
        QCoreApplication::translate(
            "AboutBox",
            "<p><b>lrscope</b> %1 (commit %2)</p>"
            "<p>Shows how the learning rate and the optimizer shape training: every Train "
            "adds a coloured run to the plot.</p>"
            "<p>Optimizers follow PyTorch's torch.optim definitions, in double precision.</p>"
            "<p>BLAS: %3</p>")
            .arg(QStringLiteral(LRSCOPE_VERSION), QString::fromUtf8(build::kCommit),
                 QString::fromStdString(core::blasDescription()).toHtmlEscaped()));
}

}  // namespace lrscope::ui
