// Imported runs, drag and drop and smoothing through the real window: a TensorBoard download
// becomes a read-only "(imported)" curve on the loss plot; a CSV log goes through the column
// picker; files dropped on the window go where their content says; the smoothing slider draws
// TensorBoard's moving average with the raw curve faint behind it, and exports stay raw.
#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "core/analysis/smoothing.hpp"
#include "core/base/atomic_file.hpp"
#include "core/io/run_config_json.hpp"
#include "core/io/session_file.hpp"
#include "test_support.hpp"
#include "ui/commands/run_commands.hpp"
#include "ui/export/file_actions.hpp"
#include "ui/panels/control_panel.hpp"
#include "ui/panels/network_panel.hpp"
#include "ui/runs/run_list_model.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/session/column_picker_dialog.hpp"
#include "ui/session/file_drop.hpp"
#include "ui/session/session_actions.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/curves/plot_view.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/views/curves/smoothing_slider.hpp"
#include "ui/window/main_window.hpp"

using namespace lrscope;

namespace {

const QString kTensorBoardCsv =
    QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/import/good/run-train-tag-loss.csv");
const QString kLightningCsv =
    QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/import/good/lightning_metrics.csv");

std::vector<double> keys(const ui::CurveGraph* graph) {
    std::vector<double> out;
    for (const QCPGraphData& point : graph->points()) {
        out.push_back(point.key);
    }
    return out;
}

std::vector<double> values(const ui::CurveGraph* graph) {
    std::vector<double> out;
    for (const QCPGraphData& point : graph->points()) {
        out.push_back(point.value);
    }
    return out;
}

}  // namespace

class TestImports : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ui::MainWindow> window_;
    QStringList errors_;

    ui::MainWindow& window() { return *window_; }
    ui::PlotView& curves() {
        return *dynamic_cast<ui::CurvesView*>(window_->view(QStringLiteral("curves")))->plotView();
    }
    ui::RunPlot& lossPlot() { return *curves().plot(); }
    QString file(const char* name) const { return dir_->filePath(QString::fromLatin1(name)); }
    QString legendText(core::RunId id) { return lossPlot().trainGraph(id)->name(); }
    ui::FileDrop& drop() { return *window_->findChild<ui::FileDrop*>(); }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        errors_.clear();
        window_ = test::windowIn(*dir_);
        window_->sessions().setAskToSave(
            [](const QString&) { return ui::SessionActions::SaveChoice::Discard; });
        window_->sessions().setShowError(
            [this](const QString&, const QString& text) { errors_.push_back(text); });
        window_->show();
    }
    void cleanup() {
        window_.reset();
        dir_.reset();
    }

    void aTensorBoardDownloadIsAReadOnlyImportedCurveOnTheLossPlot() {
        QVERIFY(window().sessions().importFile(kTensorBoardCsv));
        QCOMPARE(window().store().runs().size(), size_t{1});
        const ui::Run& run = window().store().runs().front();
        QVERIFY(run.imported());
        QCOMPARE(run.name, QStringLiteral("run-train-tag-loss"));
        // nan at step 200 and inf at 400 are kept in the run but not drawn.
        QCOMPARE(run.importedPoints.size(), size_t{5});
        QCOMPARE(keys(lossPlot().trainGraph(run.id)), (std::vector<double>{0, 100, 300}));
        QCOMPARE(values(lossPlot().trainGraph(run.id)).front(), 2.3025851249694824);
        QVERIFY(legendText(run.id).contains(QStringLiteral("(imported)")));
        ui::RunListModel* list = window().findChild<ui::RunListModel*>();
        QVERIFY(list->data(list->index(0, ui::RunListModel::Name), Qt::DisplayRole)
                    .toString()
                    .endsWith(QStringLiteral("(imported)")));
        // Read-only: its settings are not known, and it takes no live rate.
        const QString before =
            QString::fromStdString(core::runConfigToJsonText(*window().panel().config()));
        window().commands().useSettingsOf(run.id);
        QCOMPARE(QString::fromStdString(core::runConfigToJsonText(*window().panel().config())),
                 before);
        QCOMPARE(window().commands().liveRun(), core::RunId{0});
        // The second plot shows success rates, which an imported loss curve has none of.
        auto* second = dynamic_cast<ui::CurvesView*>(window().view(QStringLiteral("signals")));
        QVERIFY(second->plotView()->plot()->trainGraph(run.id)->isEmpty());
    }

    void importedCurvesSurviveASession() {
        QVERIFY(window().sessions().importFile(kTensorBoardCsv));
        QVERIFY(window().sessions().saveTo(file("imp.lrscope")));
        const core::Session saved = core::readSessionFile(file("imp.lrscope").toStdString());
        QCOMPARE(saved.importedRuns.size(), size_t{1});
        window().sessions().newSession();
        QVERIFY(window().store().empty());
        QVERIFY(window().sessions().openFile(file("imp.lrscope")));
        const ui::Run& run = window().store().runs().front();
        QVERIFY(run.imported());
        QCOMPARE(keys(lossPlot().trainGraph(run.id)), (std::vector<double>{0, 100, 300}));
    }

    void anImportedRunsCsvKeepsItsHistoryStatusAndMarkThroughASession() {
        core::RunConfig config = test::smallConfig(40);
        config.data.dataset = "sine";
        config.data.task = core::Task::Regress;
        config.loss = core::LossKind::Mse;
        config.optimizer.lr = 10.0;  // diverges
        QVERIFY(window().panel().setConfig(config).isEmpty());
        QSignalSpy finished(&window().controller(), &ui::TrainingController::runFinished);
        window().commands().trainAction()->trigger();
        QVERIFY(finished.wait(20000));
        window().controller().drain();
        const ui::Run trained = window().store().runs().front();
        QCOMPARE(trained.state, ui::RunState::Diverged);
        core::writeFileAtomically(file("runs.csv").toStdString(), ui::runsCsv(window().store()));
        window().sessions().newSession();

        QVERIFY(window().sessions().importFile(file("runs.csv")));
        QVERIFY(window().sessions().saveTo(file("runs.lrscope")));
        window().sessions().newSession();
        QVERIFY(window().sessions().openFile(file("runs.lrscope")));
        QCOMPARE(window().store().runs().size(), size_t{1});
        const ui::Run& back = window().store().runs().front();
        QCOMPARE(back.importedFrom, QStringLiteral("runs.csv"));
        QCOMPARE(back.state, ui::RunState::Diverged);
        QCOMPARE(back.divergedAt, trained.divergedAt);
        QCOMPARE(back.history.size(), trained.history.size());
        QCOMPARE(back.history.back().trainLoss, trained.history.back().trainLoss);
        QVERIFY(legendText(back.id).contains(QStringLiteral("(imported)")));
    }

    void aCsvLogGoesThroughTheColumnPicker() {
        QStringList offered;
        window().sessions().setPickColumns([&](const QString& path, core::CsvSeriesColumns& c) {
            offered.push_back(path);
            c.x = "step";
            c.y = {"val_loss"};
            return true;
        });
        QVERIFY(window().sessions().importFile(kLightningCsv));
        QCOMPARE(offered.size(), 1);
        QCOMPARE(window().store().runs().size(), size_t{1});
        const ui::Run& run = window().store().runs().front();
        QCOMPARE(run.name, QStringLiteral("val_loss"));
        QCOMPARE(keys(lossPlot().trainGraph(run.id)), (std::vector<double>{99, 199}));
        // Cancelling the picker imports nothing.
        window().sessions().setPickColumns(
            [](const QString&, core::CsvSeriesColumns&) { return false; });
        QVERIFY(!window().sessions().importFile(kLightningCsv));
        QCOMPARE(window().store().runs().size(), size_t{1});
    }

    void theColumnPickerStartsFromTheReadersChoice() {
        ui::ColumnPickerDialog dialog(QStringLiteral("m.csv"),
                                      {"epoch", "step", "train_loss", "val_loss"}, "epoch",
                                      {"train_loss", "val_loss"});
        core::CsvSeriesColumns columns = dialog.columns();
        QCOMPARE(columns.x, std::string("epoch"));
        QCOMPARE(columns.y, (std::vector<std::string>{"train_loss", "val_loss"}));
        dialog.stepBox()->setCurrentIndex(1);
        dialog.valueList()->item(2)->setCheckState(Qt::Unchecked);
        columns = dialog.columns();
        QCOMPARE(columns.x, std::string("step"));
        QCOMPARE(columns.y, (std::vector<std::string>{"val_loss"}));
        // The steps column is never a curve too.
        QVERIFY(!(dialog.valueList()->item(1)->flags() & Qt::ItemIsUserCheckable));
    }

    void aBadImportSaysWhereAndImportsNothing() {
        const QString bad =
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/import/bad/tb_decreasing_step.csv");
        QVERIFY(!window().sessions().importFile(bad));
        QCOMPARE(errors_.size(), 1);
        QVERIFY2(errors_[0].contains(QStringLiteral("tb_decreasing_step.csv:")),
                 qPrintable(errors_[0]));
        QVERIFY(window().store().empty());
    }

    void droppedFilesGoWhereTheirContentSays() {
        // A data CSV becomes the data set.
        const QString data = QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/good/regression.csv");
        QVERIFY(drop().openDropped(data));
        QVERIFY(QString::fromStdString(window().panel().config()->data.csvPath)
                    .endsWith(QStringLiteral("regression.csv")));
        // A weights file: the next runs' starting weights.
        const QString weights =
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/weights/net_2_3_1.json");
        QVERIFY(drop().openDropped(weights));
        QVERIFY(window().panel().networkPanel()->hasInitialWeights());
        // A TensorBoard JSON download with a misleading name is still an import.
        const QString json =
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/import/good/run-eval-tag-accuracy.json");
        QFile::copy(json, file("notes.txt"));
        QVERIFY(drop().openDropped(file("notes.txt")));
        QCOMPARE(window().store().runs().size(), size_t{1});
        QVERIFY(window().store().runs().front().imported());
        QVERIFY(errors_.isEmpty());
    }

    void aDroppedSessionOpensThroughARealDropEvent() {
        QSignalSpy added(&window().store(), &ui::RunStore::runAdded);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(
            QStringLiteral(LRSCOPE_TEST_DATA_DIR "/data/session/good/two_runs.lrscope"))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window(), &dropEvent);
        QCOMPARE(added.size(), 3);  // two runs and an imported curve
        QVERIFY(window().windowTitle().startsWith(QStringLiteral("two_runs.lrscope")));
        delete mime;
    }

    void aFileThatIsNotUnderstoodGetsAClearMessage() {
        core::writeFileAtomically(file("junk.bin").toStdString(), std::string("\x01\x02\0\x7f", 4));
        QVERIFY(!drop().openDropped(file("junk.bin")));
        QCOMPARE(errors_.size(), 1);
        QVERIFY2(errors_[0].contains(QStringLiteral("junk.bin was taken for a data CSV")),
                 qPrintable(errors_[0]));
        core::writeFileAtomically(file("w.json").toStdString(), "{\"layers\": 3}");
        QVERIFY(!drop().openDropped(file("w.json")));
        QCOMPARE(errors_.size(), 2);
        QVERIFY2(errors_[1].contains(QStringLiteral("a weights file")), qPrintable(errors_[1]));
        QVERIFY(!drop().openDropped(dir_->path()));
        QVERIFY(errors_[2].contains(QStringLiteral("folder")));
        QVERIFY(!window().panel().networkPanel()->hasInitialWeights());
    }

    void theSmoothingSliderDrawsTensorBoardsAverageOverTheFaintRawCurve() {
        const core::RunConfig config = test::smallConfig(30);
        QVERIFY(window().panel().setConfig(config).isEmpty());
        QSignalSpy finished(&window().controller(), &ui::TrainingController::runFinished);
        window().commands().trainAction()->trigger();
        QVERIFY(finished.wait(20000));
        window().controller().drain();
        const ui::Run& run = window().store().runs().front();
        std::vector<double> raw;
        for (const core::EpochRecord& record : run.history) {
            raw.push_back(record.trainLoss);
        }
        const std::string exportedBefore = ui::runsCsv(window().store());
        QVERIFY(lossPlot().rawTrainGraph(run.id) == nullptr);
        QCOMPARE(values(lossPlot().trainGraph(run.id)), raw);

        curves().smoothingSlider()->setWeight(0.9);
        QCOMPARE(lossPlot().smoothing(), 0.9);
        QCOMPARE(values(lossPlot().trainGraph(run.id)), core::smoothSeries(raw, 0.9));
        QVERIFY(lossPlot().rawTrainGraph(run.id) != nullptr);
        QCOMPARE(values(lossPlot().rawTrainGraph(run.id)), raw);
        // Faint: lighter than the run's own colour, drawn beneath the curves.
        const QColor faint = lossPlot().rawTrainGraph(run.id)->pen().color();
        QVERIFY(faint.lightness() > run.colour.lightness());
        QCOMPARE(lossPlot().rawTrainGraph(run.id)->layer()->name(), QStringLiteral("raw"));
        QCOMPARE(ui::runsCsv(window().store()), exportedBefore);  // exports stay raw

        curves().smoothingSlider()->setWeight(0.0);
        QVERIFY(lossPlot().rawTrainGraph(run.id) == nullptr);
        QCOMPARE(values(lossPlot().trainGraph(run.id)), raw);
        curves().smoothingSlider()->setWeight(5.0);  // beyond the slider: its end
        QCOMPARE(lossPlot().smoothing(), 0.999);

        // Beside a trained run, an imported curve's legend names no settings it does not have.
        QVERIFY(window().sessions().importFile(kTensorBoardCsv));
        const core::RunId imported = window().store().runs().back().id;
        QCOMPARE(legendText(imported), QStringLiteral("run-train-tag-loss (imported)"));
    }
};

QTEST_MAIN(TestImports)
#include "test_imports.moc"
