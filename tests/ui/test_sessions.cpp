// Sessions through the real window: save and open give back the same runs drawn the same way
// (histories, colours, names, visibility, states, each view's state, the panel); the title
// names the file and shows "*" for unsaved runs; New, Open and closing ask about unsaved runs;
// a corrupt file gets one message and changes nothing; autosave leaves a recovery file that
// the next window offers to restore, and a clean quit removes it.
#include <sys/wait.h>
#include <unistd.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLockFile>
#include <QMenu>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include "core/io/run_config_json.hpp"
#include "core/io/session_file.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/recovery_autosave.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/curves/smoothing_slider.hpp"
#include "ui/views/run_view.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;
using Choice = ui::SessionActions::SaveChoice;

namespace {

struct Errors {
    QStringList texts;
};

std::unique_ptr<ui::MainWindow> makeWindow(const QString& settings, Errors& errors,
                                           Choice answer = Choice::Discard) {
    auto window = std::make_unique<ui::MainWindow>(std::make_unique<ui::PresetStore>(settings), 2);
    window->sessions().setAskToSave([answer](const QString&) { return answer; });
    window->sessions().setShowError(
        [&errors](const QString&, const QString& text) { errors.texts.push_back(text); });
    window->commands().setConfirm([](const QString&, const QString&) { return true; });
    window->show();
    return window;
}

ui::PlotView& plotView(ui::MainWindow& window, const char* key) {
    return *dynamic_cast<ui::CurvesView*>(window.view(QString::fromLatin1(key)))->plotView();
}

// Trains `config` in the window to its end; returns the run's id (0 on failure).
core::RunId trainToEnd(ui::MainWindow& window, const core::RunConfig& config) {
    if (!window.panel().setConfig(config).isEmpty()) {
        return 0;
    }
    QSignalSpy finished(&window.controller(), &ui::TrainingController::runFinished);
    window.commands().trainAction()->trigger();
    if (!finished.wait(20000)) {
        return 0;
    }
    window.controller().drain();
    return window.store().runs().back().id;
}

core::RunConfig divergingConfig() {
    core::RunConfig config = test::smallConfig(40);
    config.data.dataset = "sine";
    config.data.task = core::Task::Regress;
    config.loss = core::LossKind::Mse;
    config.optimizer.lr = 10.0;
    return config;
}

}  // namespace

class TestSessions : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    QString settings() const { return dir_->filePath(QStringLiteral("settings.ini")); }
    QString file(const char* name) const { return dir_->filePath(QString::fromLatin1(name)); }

private slots:
    void init() { dir_ = std::make_unique<QTemporaryDir>(); }
    void cleanup() { dir_.reset(); }

    void savingAndOpeningGivesBackRunsColoursAndViewState() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        const core::RunId first = trainToEnd(*window, test::smallConfig(25));
        const core::RunId second = trainToEnd(*window, divergingConfig());
        QVERIFY(first != 0 && second != 0);
        ui::RunStore& store = window->store();
        QCOMPARE(store.run(second)->state, ui::RunState::Diverged);
        store.setColour(first, QColor(QStringLiteral("#123456")));
        store.setName(first, QStringLiteral("the slow one"));
        store.setVisible(second, false);

        ui::PlotView& curves = plotView(*window, "curves");
        curves.metricBox()->setCurrentIndex(1);  // error %
        curves.logAction()->setChecked(true);
        curves.smoothingSlider()->setWeight(0.6);
        curves.plot()->setFollow(false);
        curves.plot()->xAxis->setRange(2, 17);
        curves.plot()->yAxis->setRange(0.5, 40);
        ui::PlotView& signal = plotView(*window, "signals");
        signal.metricBox()->setCurrentIndex(
            signal.metricBox()->findData(static_cast<int>(ui::PlotMetric::GradientNorm)));
        window->selection().selectOnly(second);
        core::RunConfig panel = test::smallConfig(77);
        panel.optimizer.lr = 0.0125;
        QVERIFY(window->panel().setConfig(panel).isEmpty());

        const QString path = file("kept.lrscope");
        QVERIFY(window->sessions().saveTo(path));
        QVERIFY(!window->isWindowModified());
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("kept.lrscope")));

        Errors otherErrors;
        auto reopened = makeWindow(file("other.ini"), otherErrors);
        QVERIFY(reopened->sessions().openFile(path));
        QVERIFY(otherErrors.texts.isEmpty());
        const auto& before = store.runs();
        const auto& after = reopened->store().runs();
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].name, before[i].name);
            QCOMPARE(after[i].colour, before[i].colour);
            QCOMPARE(after[i].visible, before[i].visible);
            QCOMPARE(after[i].state, before[i].state);
            QCOMPARE(after[i].divergedAt, before[i].divergedAt);
            QCOMPARE(after[i].history.size(), before[i].history.size());
            for (size_t e = 0; e < before[i].history.size(); ++e) {
                core::EpochRecord expected = before[i].history[e];
                expected.runId = after[i].id;
                QVERIFY(test::sameRecord(after[i].history[e], expected));
            }
            QCOMPARE(after[i].finalWeights.has_value(), before[i].finalWeights.has_value());
        }
        ui::PlotView& curvesAgain = plotView(*reopened, "curves");
        QCOMPARE(curvesAgain.plot()->metric(), ui::PlotMetric::ErrorPercent);
        QVERIFY(curvesAgain.plot()->logY());
        QCOMPARE(curvesAgain.plot()->smoothing(), 0.6);
        QVERIFY(!curvesAgain.plot()->follows());
        QCOMPARE(curvesAgain.plot()->xAxis->range().lower, 2.0);
        QCOMPARE(curvesAgain.plot()->xAxis->range().upper, 17.0);
        QCOMPARE(curvesAgain.plot()->yAxis->range().upper, 40.0);
        QCOMPARE(plotView(*reopened, "signals").plot()->metric(), ui::PlotMetric::GradientNorm);
        QCOMPARE(reopened->selection().current(), after[1].id);
        QCOMPARE(core::runConfigToJsonText(*reopened->panel().config()),
                 core::runConfigToJsonText(panel));
        QVERIFY(!reopened->isWindowModified());
        QCOMPARE(reopened->sessions().recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    }

    void aViewStateItCannotShowIsIgnored() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        ui::RunView* second = window->view(QStringLiteral("signals"));
        ui::PlotView& view = plotView(*window, "signals");
        // The second plot offers no loss; a range that is not two increasing numbers is no
        // zoom; a smoothing beyond the slider is its end.
        second->restoreSessionState(QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")},
                                                {QStringLiteral("series"), 7},
                                                {QStringLiteral("log_y"), QStringLiteral("yes")},
                                                {QStringLiteral("smoothing"), 3.0},
                                                {QStringLiteral("following"), false},
                                                {QStringLiteral("x_range"), QJsonArray{5, 1}},
                                                {QStringLiteral("y_range"), QJsonArray{0, 1}}});
        QCOMPARE(view.plot()->metric(), ui::PlotMetric::SuccessPercent);
        QCOMPARE(view.plot()->series(), ui::SeriesChoice::TestOnly);
        QVERIFY(!view.plot()->logY());
        QCOMPARE(view.plot()->smoothing(), 0.999);
        QVERIFY(view.plot()->follows());
        QCOMPARE(second->sessionState(),
                 (QJsonObject{{QStringLiteral("metric"), QStringLiteral("success")},
                              {QStringLiteral("series"), QStringLiteral("test")},
                              {QStringLiteral("log_y"), false},
                              {QStringLiteral("smoothing"), 0.999},
                              {QStringLiteral("following"), true}}));
    }

    void openRecentOpensTheFileAgain() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        QVERIFY(trainToEnd(*window, test::smallConfig(4)) != 0);
        QVERIFY(window->sessions().saveTo(file("r.lrscope")));
        window->sessions().newSession();
        QVERIFY(window->store().empty());
        const QList<QAction*> entries = window->sessions().recentMenu()->actions();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.front()->text(), QStringLiteral("r.lrscope"));
        entries.front()->trigger();
        QCOMPARE(window->store().runs().size(), size_t{1});
        QCOMPARE(window->sessions().path(), QFileInfo(file("r.lrscope")).absoluteFilePath());
    }

    void theTitleNamesTheFileAndMarksUnsavedRuns() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        QCOMPARE(window->windowTitle(), QStringLiteral("learning-rate explorer[*]"));
        QVERIFY(!window->isWindowModified());
        QVERIFY(trainToEnd(*window, test::smallConfig(5)) != 0);
        QVERIFY(window->isWindowModified());
        QVERIFY(window->sessions().saveTo(file("t")));  // the suffix is added
        QVERIFY(QFileInfo::exists(file("t.lrscope")));
        QCOMPARE(window->windowTitle(), QStringLiteral("t.lrscope[*] · learning-rate explorer"));
        QVERIFY(!window->isWindowModified());
        window->store().setName(window->store().runs().front().id, QStringLiteral("renamed"));
        QVERIFY(window->isWindowModified());

        // An untitled window whose runs are all gone has nothing unsaved.
        window->sessions().newSession();
        QVERIFY(trainToEnd(*window, test::smallConfig(3)) != 0);
        QVERIFY(window->isWindowModified());
        window->commands().clearAll();
        QVERIFY(!window->isWindowModified());
    }

    void aCorruptFileGetsOneMessageAndChangesNothing() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        QVERIFY(trainToEnd(*window, test::smallConfig(5)) != 0);
        QVERIFY(window->sessions().saveTo(file("good.lrscope")));
        const auto runsBefore = window->store().runs().size();
        const QString bad =
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/session/bad/history_gap.lrscope");
        QVERIFY(!window->sessions().openFile(bad));
        QCOMPARE(errors.texts.size(), 1);
        QVERIFY2(errors.texts[0].contains(QStringLiteral("history_gap.lrscope")),
                 qPrintable(errors.texts[0]));
        QVERIFY2(errors.texts[0].contains(QStringLiteral("runs[")), qPrintable(errors.texts[0]));
        QCOMPARE(window->store().runs().size(), runsBefore);
        QCOMPARE(window->sessions().path(), QFileInfo(file("good.lrscope")).absoluteFilePath());
    }

    void closingWithUnsavedRunsAsksAndCancelKeepsTheWindow() {
        Errors errors;
        int asked = 0;
        Choice answer = Choice::Cancel;
        auto window = makeWindow(settings(), errors);
        window->sessions().setAskToSave([&](const QString&) {
            ++asked;
            return answer;
        });
        QVERIFY(window->close());  // nothing to lose yet: no question
        QCOMPARE(asked, 0);
        window->show();
        QVERIFY(trainToEnd(*window, test::smallConfig(5)) != 0);
        QVERIFY(!window->close());
        QCOMPARE(asked, 1);
        QVERIFY(window->isVisible());
        // Save with a file open writes it, then closes.
        QVERIFY(window->sessions().saveTo(file("c.lrscope")));
        window->store().setVisible(window->store().runs().front().id, false);
        answer = Choice::Save;
        QVERIFY(window->close());
        QCOMPARE(asked, 2);
        const core::Session saved = core::readSessionFile(file("c.lrscope").toStdString());
        QCOMPARE(saved.runs.size(), size_t{1});
        QVERIFY(!saved.runs[0].visible);
    }

    void newAndOpenAskFirstAndReplaceTheRuns() {
        Errors errors;
        auto window = makeWindow(settings(), errors, Choice::Cancel);
        QVERIFY(trainToEnd(*window, test::smallConfig(5)) != 0);
        window->sessions().newAction()->trigger();
        QCOMPARE(window->store().runs().size(), size_t{1});  // cancelled
        window->sessions().setAskToSave([](const QString&) { return Choice::Discard; });
        window->sessions().newAction()->trigger();
        QVERIFY(window->store().empty());
        QVERIFY(!window->commands().canUndo());
        QVERIFY(!window->isWindowModified());
        // Runs trained after opening a session never meet the session's ids.
        const QString two =
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/session/good/two_runs.lrscope");
        QVERIFY(window->sessions().openFile(two));
        QCOMPARE(window->store().runs().size(), size_t{3});  // two runs, one imported curve
        const core::RunId trained = trainToEnd(*window, test::smallConfig(3));
        QVERIFY(trained != 0);
        QCOMPARE(window->store().runs().size(), size_t{4});
        QCOMPARE(window->store().runs().back().history.size(), size_t{4});
    }

    void autosaveLeavesARecoveryFileTheNextWindowOffersToRestore() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        ui::RecoveryAutosave& recovery = window->sessions().recovery();
        QVERIFY(!recovery.hasRecoveryFile());
        // Trained first, at the default 30 s: the first tick of the short interval then
        // writes the whole run.
        QVERIFY(trainToEnd(*window, test::smallConfig(12)) != 0);
        QCOMPARE(recovery.interval(), std::chrono::milliseconds(30'000));
        QVERIFY(!recovery.hasRecoveryFile());
        QSignalSpy autosaved(&recovery, &ui::RecoveryAutosave::autosaved);
        recovery.setInterval(std::chrono::milliseconds(20));
        QVERIFY(autosaved.wait(5000));
        QVERIFY(recovery.hasRecoveryFile());
        const std::vector<core::EpochRecord> history = window->store().runs().front().history;
        // Killed: the window goes without closing, so the file stays.
        const QString recoveryPath = recovery.path();
        window.reset();
        QVERIFY(QFileInfo::exists(recoveryPath));

        auto next = makeWindow(settings(), errors);
        QString question;
        QVERIFY(next->sessions().recovery().offerRestore([&](const QString& q) {
            question = q;
            return true;
        }));
        QVERIFY(question.contains(QStringLiteral("did not close cleanly")));
        QCOMPARE(next->store().runs().size(), size_t{1});
        const auto& restored = next->store().runs().front().history;
        QCOMPARE(restored.size(), history.size());
        QCOMPARE(restored.back().trainLoss, history.back().trainLoss);
        QVERIFY(next->isWindowModified());  // restored runs are not saved anywhere yet
        QVERIFY(next->sessions().path().isEmpty());
        // A clean quit (runs discarded) removes the file.
        QVERIFY(next->close());
        QVERIFY(!QFileInfo::exists(recoveryPath));
        QVERIFY(errors.texts.isEmpty());
    }

    void twoWindowsAtOnceKeepRecoveryFilesOfTheirOwn() {
        Errors errors;
        auto first = makeWindow(settings(), errors);
        auto second = makeWindow(settings(), errors);
        const QString firstPath = first->sessions().recovery().path();
        const QString secondPath = second->sessions().recovery().path();
        QVERIFY(firstPath != secondPath);
        QVERIFY(trainToEnd(*first, test::smallConfig(4)) != 0);
        QVERIFY(trainToEnd(*second, test::smallConfig(6)) != 0);
        QVERIFY(first->sessions().recovery().autosave());
        QVERIFY(second->sessions().recovery().autosave());
        // A window starting now finds nothing left behind: both files have their windows.
        auto third = makeWindow(settings(), errors);
        QVERIFY(third->sessions().recovery().leftBehind().isEmpty());
        QVERIFY(!third->sessions().recovery().offerRestore([](const QString&) {
            qFatal("offered a live window's autosave");
            return false;
        }));
        QVERIFY(QFileInfo::exists(firstPath));
        // The second window is killed: its file is left behind; the first one's is not.
        second.reset();
        QCOMPARE(third->sessions().recovery().leftBehind(), QStringList{secondPath});
        QVERIFY(third->sessions().recovery().offerRestore([](const QString&) { return true; }));
        QCOMPARE(third->store().runs().size(), size_t{1});
        QCOMPARE(third->store().runs().front().history.size(), size_t{7});
        // The restored runs moved into the third window's own file.
        QVERIFY(!QFileInfo::exists(secondPath));
        QVERIFY(QFileInfo::exists(third->sessions().recovery().path()));
        QVERIFY(QFileInfo::exists(firstPath));
        // A clean quit of the first window takes only its own file.
        QVERIFY(first->close());
        QVERIFY(!QFileInfo::exists(firstPath));
        QVERIFY(QFileInfo::exists(third->sessions().recovery().path()));
        QVERIFY(errors.texts.isEmpty());
    }

    void aFileWhoseProcessIsGoneIsLeftBehind() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        const QString folder = QFileInfo(window->sessions().recovery().path()).absolutePath();
        const QString orphan = QDir(folder).filePath(QStringLiteral("recovery-7.lrscope"));
        QVERIFY(trainToEnd(*window, test::smallConfig(3)) != 0);
        QVERIFY(window->sessions().saveTo(orphan));
        // Another lrscope held recovery-7 and was killed: its lock file stays with its pid.
        const pid_t child = fork();
        if (child == 0) {
            QLockFile lock(QDir(folder).filePath(QStringLiteral("recovery-7.lock")));
            _exit(lock.tryLock(0) ? 0 : 1);  // no unlock: as after kill -9
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QCOMPARE(WEXITSTATUS(status), 0);
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("recovery-7.lock"))));
        QCOMPARE(window->sessions().recovery().leftBehind(), QStringList{orphan});
    }

    void decliningTheRestoreRemovesTheRecoveryFile() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        QVERIFY(trainToEnd(*window, test::smallConfig(4)) != 0);
        QVERIFY(window->sessions().recovery().autosave());
        const QString path = window->sessions().recovery().path();
        window.reset();
        auto next = makeWindow(settings(), errors);
        QVERIFY(!next->sessions().recovery().offerRestore([](const QString&) { return false; }));
        QVERIFY(next->store().empty());
        QVERIFY(!QFileInfo::exists(path));
    }

    void nothingUnsavedMeansNoRecoveryFile() {
        Errors errors;
        auto window = makeWindow(settings(), errors);
        QVERIFY(!window->sessions().recovery().autosave());
        QVERIFY(trainToEnd(*window, test::smallConfig(4)) != 0);
        QVERIFY(window->sessions().recovery().autosave());
        QVERIFY(window->sessions().saveTo(file("s.lrscope")));
        QVERIFY(!window->sessions().recovery().hasRecoveryFile());
        QVERIFY(!window->sessions().recovery().autosave());
    }
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"
