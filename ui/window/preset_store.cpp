#include "ui/window/preset_store.hpp"

#include <QSettings>

#include "core/base/errors.hpp"
#include "core/io/run_config_json.hpp"

namespace lrscope::ui {

namespace {

const QString kPresetGroup = QStringLiteral("presets/");
const QString kLastState = QStringLiteral("panel/last");

// QSettings keys may not hold '/' or '\'; names are stored percent-encoded.
QString keyFor(const QString& name) {
    return kPresetGroup + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

}  // namespace

PresetStore::PresetStore()
    : settings_(std::make_unique<QSettings>(QStringLiteral("lrscope"), QStringLiteral("lrscope"))) {
}

PresetStore::PresetStore(const QString& iniFile)
    : settings_(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

PresetStore::~PresetStore() = default;

QString PresetStore::fileName() const {
    return settings_->fileName();
}

QStringList PresetStore::presetNames() const {
    settings_->beginGroup(QStringLiteral("presets"));
    const QStringList keys = settings_->childKeys();
    settings_->endGroup();
    QStringList names;
    for (const QString& key : keys) {
        names << QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1()));
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool PresetStore::hasPreset(const QString& name) const {
    return settings_->contains(keyFor(name));
}

void PresetStore::savePreset(const QString& name, const core::RunConfig& config) {
    settings_->setValue(keyFor(name), QString::fromStdString(core::runConfigToJsonText(config)));
    settings_->sync();
}

core::RunConfig PresetStore::decode(const QString& key, const QString& what) const {
    try {
        return core::runConfigFromJsonText(settings_->value(key).toString().toStdString());
    } catch (const core::InputError& error) {
        throw core::InputError(what.toStdString() + ": " + error.what());
    }
}

core::RunConfig PresetStore::loadPreset(const QString& name) const {
    const QString what = QStringLiteral("preset '%1'").arg(name);
    if (!hasPreset(name)) {
        throw core::InputError(what.toStdString() + ": no such preset");
    }
    return decode(keyFor(name), what);
}

void PresetStore::removePreset(const QString& name) {
    settings_->remove(keyFor(name));
    settings_->sync();
}

void PresetStore::saveLastState(const core::RunConfig& config) {
    settings_->setValue(kLastState, QString::fromStdString(core::runConfigToJsonText(config)));
}

std::optional<core::RunConfig> PresetStore::lastState() const {
    if (!settings_->contains(kLastState)) {
        return std::nullopt;
    }
    return decode(kLastState, QStringLiteral("last settings"));
}

void PresetStore::saveWindow(const QByteArray& geometry, const QByteArray& state) {
    settings_->setValue(QStringLiteral("window/geometry"), geometry);
    settings_->setValue(QStringLiteral("window/state"), state);
    settings_->sync();
}

QByteArray PresetStore::windowGeometry() const {
    return settings_->value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray PresetStore::windowState() const {
    return settings_->value(QStringLiteral("window/state")).toByteArray();
}

void PresetStore::setValue(const QString& key, const QVariant& value) {
    settings_->setValue(key, value);
}

QVariant PresetStore::value(const QString& key, const QVariant& fallback) const {
    return settings_->value(key, fallback);
}

}  // namespace lrscope::ui
