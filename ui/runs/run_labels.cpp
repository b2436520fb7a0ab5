#include "ui/runs/run_labels.hpp"

#include <QFileInfo>
#include <QStringList>

#include "core/base/number_format.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

namespace {

QString text(std::string_view view) {
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

}  // namespace

QString compactNumber(double value, int digits) {
    return QString::fromStdString(core::formatCompact(value, digits));
}

QString optimizerLabel(core::OptimizerKind kind) {
    return text(core::optimizerDisplayName(kind));
}

QString dataSetName(const core::DataSpec& data) {
    if (!data.csvPath.empty()) {
        return QFileInfo(QString::fromStdString(data.csvPath)).fileName();
    }
    return QString::fromStdString(data.dataset);
}

QString runSettingsSummary(const core::RunConfig& config) {
    QStringList layers;
    for (const int width : config.hiddenLayers) {
        layers << QString::number(width);
    }
    QStringList parts;
    parts << dataSetName(config.data);
    parts << QStringLiteral("%1 %2").arg(
        layers.isEmpty() ? QStringLiteral("no hidden layers") : layers.join(QLatin1Char(',')),
        text(core::activationName(config.activation)));
    parts << text(core::lossName(config.loss));
    parts << (config.batchSize <= 0 ? QStringLiteral("full batch")
                                    : QStringLiteral("batch %1").arg(config.batchSize));
    parts << QStringLiteral("seed %1").arg(config.seed);
    return parts.join(QStringLiteral(" · "));
}

QString defaultRunName(const core::RunConfig& config) {
    return QStringLiteral("%1  lr=%2")
        .arg(optimizerLabel(config.optimizer.kind), compactNumber(config.optimizer.lr));
}

QString legendLabel(const Run& run) {
    if (run.divergedAt) {
        return QStringLiteral("%1  diverged @ epoch %2").arg(run.name).arg(*run.divergedAt);
    }
    return run.name;
}

}  // namespace lrscope::ui
