// Compiled only with the GUI libraries (LRSCOPE_WITH_PLOT): it renders with lrscope_ui.
#ifdef LRSCOPE_WITH_PLOT

#include "app/cli/plot_boundary.hpp"

#include "app/cli/run_batch.hpp"
#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/views/boundary/boundary_data.hpp"
#include "ui/views/boundary/boundary_picture.hpp"
#include "ui/views/boundary/boundary_plot.hpp"

namespace lrscope::cli {

using core::InputError;

std::string plotBoundary(const Arguments& args, const std::string& out,
                         const ui::FigureSize& size) {
    for (const char* flag : kCurveOnlyFlags) {
        if (args.has(flag)) {
            throw InputError(std::string("--boundary and ") + flag +
                             " contradict each other; --boundary draws one trained run's "
                             "predictions, not curves");
        }
    }
    const auto configs = batchConfigsFromArguments(args);
    if (configs.size() != 1) {
        throw InputError("--boundary: --optimizer and --lr give " + std::to_string(configs.size()) +
                         " runs; the boundary is drawn for exactly one (one optimizer, one rate)");
    }
    const core::RunConfig& config = configs.front();
    const ui::BoundaryData data = ui::boundaryDataOf(config);
    if (data.shape == ui::BoundaryData::Shape::Unsupported) {
        throw InputError("--boundary: " + data.reason.simplified().toStdString());
    }
    const core::DataSplit split = core::prepareData(config.data, config.seed);
    const core::RunResult result = trainBatch(configs, split, threadsFromArguments(args)).front();
    const ui::BoundaryPicture picture = ui::boundaryPicture(data, result.finalWeights);
    if (!picture.error.isEmpty()) {
        throw InputError("--boundary: " + picture.error.toStdString());
    }
    const int epochs = result.history.empty() ? 0 : result.history.back().epoch;
    QString caption = ui::defaultRunName(config) + QStringLiteral(" · epoch %1").arg(epochs);
    if (result.divergedAt) {
        caption += QStringLiteral(" · diverged at %1, last finite weights").arg(*result.divergedAt);
    }
    ui::BoundaryPlot plot;
    plot.resize(size.width, size.height);
    plot.setData(data, caption);
    plot.setPicture(picture, caption);
    const QString error = ui::exportFigure(plot, QString::fromStdString(out), size);
    if (!error.isEmpty()) {
        throw InputError("--out: " + error.toStdString());
    }
    return "wrote " + out + " (" +
           (data.shape == ui::BoundaryData::Shape::Plane ? "decision boundary" : "fitted curve") +
           " of " + ui::defaultRunName(config).toStdString() + ", epoch " + std::to_string(epochs) +
           ")\n";
}

}  // namespace lrscope::cli

#endif  // LRSCOPE_WITH_PLOT
