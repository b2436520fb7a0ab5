// Presets: named settings survive a round trip; a preset that no longer loads is reported
// and leaves the panel as it was.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "core/base/errors.hpp"
#include "core/io/run_config_json.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/window/preset_menu.hpp"
#include "ui/window/preset_store.hpp"

using namespace lrscope;

namespace {

QString json(const core::RunConfig& config) {
    return QString::fromStdString(core::runConfigToJsonText(config));
}

QJsonObject jsonObject(const core::RunConfig& config) {
    return QJsonDocument::fromJson(json(config).toUtf8()).object();
}

}  // namespace

class TestPresets : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString ini() const { return dir_.filePath(QStringLiteral("presets.ini")); }

private slots:
    void init() { QFile::remove(ini()); }

    void savesLoadsAndDeletesNamedPresets() {
        ui::PresetStore store(ini());
        core::RunConfig adam;
        adam.optimizer = core::defaultsFor(core::OptimizerKind::Adam);
        adam.optimizer.lr = 3e-3;
        adam.epochs = 42;
        core::RunConfig sgd;
        store.savePreset(QStringLiteral("fast adam"), adam);
        store.savePreset(QStringLiteral("a/b sgd"), sgd);
        QCOMPARE(store.presetNames(),
                 QStringList({QStringLiteral("a/b sgd"), QStringLiteral("fast adam")}));
        ui::PresetStore reopened(ini());
        QCOMPARE(json(reopened.loadPreset(QStringLiteral("fast adam"))), json(adam));
        reopened.removePreset(QStringLiteral("fast adam"));
        QCOMPARE(reopened.presetNames(), QStringList({QStringLiteral("a/b sgd")}));
        QVERIFY_THROWS_EXCEPTION(core::InputError, reopened.loadPreset(QStringLiteral("nope")));
    }

    void aBrokenPresetIsReportedAndThepanelKeepsItsSettings() {
        ui::PresetStore store(ini());
        core::RunConfig config;
        config.optimizer.lr = 0.5;
        store.savePreset(QStringLiteral("good"), config);
        {
            QSettings raw(ini(), QSettings::IniFormat);
            raw.setValue(QStringLiteral("presets/junk"), QStringLiteral("{not json"));
            QJsonObject wrong = jsonObject(config);
            QJsonObject optimizer = wrong.value(QStringLiteral("optimizer")).toObject();
            optimizer.insert(QStringLiteral("beta1"), QStringLiteral("high"));
            wrong.insert(QStringLiteral("optimizer"), optimizer);
            raw.setValue(QStringLiteral("presets/typed"),
                         QString::fromUtf8(QJsonDocument(wrong).toJson()));
            QJsonObject gone = jsonObject(config);
            QJsonObject data = gone.value(QStringLiteral("data")).toObject();
            data.insert(QStringLiteral("dataset"), QString());
            data.insert(QStringLiteral("csv_path"), QStringLiteral("/nonexistent/old.csv"));
            gone.insert(QStringLiteral("data"), data);
            raw.setValue(QStringLiteral("presets/moved"),
                         QString::fromUtf8(QJsonDocument(gone).toJson()));
            QJsonObject invalid = jsonObject(config);
            optimizer = invalid.value(QStringLiteral("optimizer")).toObject();
            optimizer.insert(QStringLiteral("beta1"), 3.0);
            invalid.insert(QStringLiteral("optimizer"), optimizer);
            raw.setValue(QStringLiteral("presets/invalid"),
                         QString::fromUtf8(QJsonDocument(invalid).toJson()));
        }
        ui::PresetStore reread(ini());
        ui::ControlPanel panel;
        ui::PresetMenu menu(reread, panel);
        const QString before = json(*panel.config());

        QString error = menu.load(QStringLiteral("junk"));
        QVERIFY2(error.contains(QStringLiteral("preset 'junk'")), qPrintable(error));
        error = menu.load(QStringLiteral("typed"));
        QVERIFY2(error.contains(QStringLiteral("optimizer.beta1")), qPrintable(error));
        error = menu.load(QStringLiteral("invalid"));
        QCOMPARE(error, QStringLiteral("preset 'invalid': optimizer.beta1: 3 is out of range; "
                                       "expected 0 <= beta1 < 1"));
        error = menu.load(QStringLiteral("moved"));
        QVERIFY2(error.contains(QStringLiteral("old.csv")), qPrintable(error));
        QCOMPARE(json(*panel.config()), before);

        QCOMPARE(menu.load(QStringLiteral("good")), QString());
        QCOMPARE(panel.config()->optimizer.lr, 0.5);
    }

    void remembersTheLastPanelState() {
        core::RunConfig config;
        config.hiddenLayers = {3};
        {
            ui::PresetStore store(ini());
            QVERIFY(!store.lastState().has_value());
            store.saveLastState(config);
        }
        ui::PresetStore store(ini());
        const auto last = store.lastState();
        QVERIFY(last.has_value());
        QCOMPARE(last->hiddenLayers, std::vector<int>({3}));
    }
};

QTEST_MAIN(TestPresets)
#include "test_presets.moc"
