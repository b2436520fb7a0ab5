#include "ui/runs/run_labels.hpp"

#include <algorithm>
#include <functional>

#include <QFileInfo>
#include <QStringList>

#include "core/base/number_format.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/optim/optimizer_setting.hpp"
#include "ui/qt_text.hpp"
#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

QString compactNumber(double value, int digits) {
    return QString::fromStdString(core::formatCompact(value, digits));
}

QString optimizerLabel(core::OptimizerKind kind) {
    return toQString(core::optimizerDisplayName(kind));
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
        toQString(core::activationName(config.activation)));
    parts << toQString(core::lossName(config.loss));
    parts << (config.batchSize <= 0 ? QStringLiteral("full batch")
                                    : QStringLiteral("batch %1").arg(config.batchSize));
    parts << QStringLiteral("seed %1").arg(config.seed);
    return parts.join(QStringLiteral(" · "));
}

QString defaultRunName(const core::RunConfig& config) {
    return QStringLiteral("%1  lr=%2")
        .arg(optimizerLabel(config.optimizer.kind), compactNumber(config.optimizer.lr));
}

std::vector<QString> distinguishingSettings(const std::vector<const core::RunConfig*>& configs) {
    // Each aspect as it reads in a legend; an aspect is named only when it differs.
    using Aspect = QString (*)(const core::RunConfig&);
    static const Aspect aspects[] = {
        [](const core::RunConfig& c) { return dataSetName(c.data); },
        [](const core::RunConfig& c) {
            QStringList widths;
            for (const int width : c.hiddenLayers) {
                widths << QString::number(width);
            }
            return widths.isEmpty()
                       ? QStringLiteral("no hidden layer")
                       : QStringLiteral("layers %1").arg(widths.join(QLatin1Char(',')));
        },
        [](const core::RunConfig& c) { return toQString(core::activationName(c.activation)); },
        [](const core::RunConfig& c) { return toQString(core::lossName(c.loss)); },
        [](const core::RunConfig& c) {
            return c.batchSize <= 0 ? QStringLiteral("full batch")
                                    : QStringLiteral("batch %1").arg(c.batchSize);
        },
        [](const core::RunConfig& c) {
            QStringList parts;
            for (const core::OptimizerSetting setting : core::settingsOf(c.optimizer.kind)) {
                const auto& info = core::settingInfo(setting);
                const double value = core::settingValue(c.optimizer, setting);
                if (value != core::settingValue(core::defaultsFor(c.optimizer.kind), setting)) {
                    parts << (info.isSwitch ? toQString(info.key)
                                            : QStringLiteral("%1=%2").arg(toQString(info.key),
                                                                          compactNumber(value)));
                }
            }
            return parts.join(QLatin1Char(' '));
        },
        [](const core::RunConfig& c) { return QStringLiteral("seed %1").arg(c.seed); },
    };
    std::vector<QStringList> parts(configs.size());
    for (const Aspect aspect : aspects) {
        std::vector<QString> values;
        for (const core::RunConfig* config : configs) {
            values.push_back(aspect(*config));
        }
        if (std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) ==
            values.end()) {
            continue;  // all the same: nothing to tell apart
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!values[i].isEmpty()) {
                parts[i] << values[i];
            }
        }
    }
    std::vector<QString> result;
    for (const QStringList& list : parts) {
        result.push_back(list.join(QStringLiteral(" · ")));
    }
    return result;
}

QString legendLabel(const Run& run) {
    const QString name = listedName(run);
    if (run.divergedAt) {
        return QStringLiteral("%1  diverged @ epoch %2").arg(name).arg(*run.divergedAt);
    }
    return name;
}

QString listedName(const Run& run) {
    return run.imported() ? QObject::tr("%1 (imported)").arg(run.name) : run.name;
}

}  // namespace lrscope::ui
