#include "ui/views/range_test/range_test_curve.hpp"

#include <QObject>
#include <QStringList>

#include "core/optim/optimizer_setting.hpp"
#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

QString rangeTestLabel(const core::RunConfig& config) {
    QStringList optimizer{optimizerLabel(config.optimizer.kind)};
    const core::OptimizerSettings defaults = core::defaultsFor(config.optimizer.kind);
    for (const core::OptimizerSetting setting : core::settingsOf(config.optimizer.kind)) {
        const auto& info = core::settingInfo(setting);
        const double value = core::settingValue(config.optimizer, setting);
        if (value == core::settingValue(defaults, setting)) {
            continue;
        }
        const QString key = QString::fromUtf8(info.key.data(), static_cast<int>(info.key.size()));
        optimizer << (info.isSwitch ? key : QStringLiteral("%1=%2").arg(key, compactNumber(value)));
    }
    return optimizer.join(QLatin1Char(' ')) + QStringLiteral(" · ") + runSettingsSummary(config);
}

QString rangeTestSettingsText(const core::RangeTestSettings& settings) {
    QString text = QObject::tr("%1 → %2 over %3 batches, smoothing %4")
                       .arg(compactNumber(settings.startLr), compactNumber(settings.endLr))
                       .arg(settings.iterations)
                       .arg(compactNumber(settings.smoothing));
    if (settings.stopFactor > 0.0) {
        text +=
            QObject::tr(", stops at %1x the lowest loss").arg(compactNumber(settings.stopFactor));
    }
    return text;
}

QString rangeTestStopText(const RangeTestCurve& curve) {
    const core::RangeTestSettings& settings = curve.settings;
    if (!curve.finished) {
        return QObject::tr("running: %1 of %2 batches")
            .arg(curve.points.size())
            .arg(settings.iterations);
    }
    switch (curve.stop) {
        case core::RangeTestStop::Diverged:
            return QObject::tr("diverged after %1 batches (smoothed loss above %2x its lowest)")
                .arg(curve.points.size())
                .arg(compactNumber(settings.stopFactor));
        case core::RangeTestStop::NonFinite:
            return QObject::tr("ended after %1 batches: the loss became NaN or infinite")
                .arg(curve.points.size());
        case core::RangeTestStop::Stopped:
            return QObject::tr("cancelled after %1 batches").arg(curve.points.size());
        case core::RangeTestStop::Completed:
            break;
    }
    return QObject::tr("completed all %1 batches").arg(curve.points.size());
}

}  // namespace lrscope::ui
