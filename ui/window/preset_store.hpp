#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QStringList>
#include <QVariant>

#include "core/training/run_config.hpp"

class QSettings;

namespace lrscope::ui {

// Named presets of panel settings, the last panel state and the window layout, kept with
// QSettings (per user). A preset that no longer loads raises core::InputError with its name.
class PresetStore {
public:
    PresetStore();                                 // the user's settings for lrscope
    explicit PresetStore(const QString& iniFile);  // a given file (tests)
    ~PresetStore();
    PresetStore(const PresetStore&) = delete;
    PresetStore& operator=(const PresetStore&) = delete;

    QStringList presetNames() const;  // sorted
    bool hasPreset(const QString& name) const;
    void savePreset(const QString& name, const core::RunConfig& config);
    core::RunConfig loadPreset(const QString& name) const;  // throws core::InputError
    void removePreset(const QString& name);

    void saveLastState(const core::RunConfig& config);
    std::optional<core::RunConfig> lastState() const;  // throws core::InputError when unreadable

    void saveWindow(const QByteArray& geometry, const QByteArray& state);
    QByteArray windowGeometry() const;
    QByteArray windowState() const;

    // The settings file; files that belong beside it (the autosave's recovery file) go in its
    // folder.
    QString fileName() const;
    void setValue(const QString& key, const QVariant& value);
    QVariant value(const QString& key, const QVariant& fallback = {}) const;

private:
    core::RunConfig decode(const QString& key, const QString& what) const;

    std::unique_ptr<QSettings> settings_;
};

}  // namespace lrscope::ui
