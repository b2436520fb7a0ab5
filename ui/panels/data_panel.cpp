#include "ui/panels/data_panel.hpp"

#include <algorithm>
#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/data/builtin_datasets.hpp"
#include "core/data/data_generators.hpp"
#include "core/data/data_spec.hpp"
#include "ui/qt_text.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

constexpr const char* kCsvPrefix = "csv:";

QString displayName(std::string_view name) {
    QString text = toQString(name);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

}  // namespace

DataPanel::DataPanel(QWidget* parent)
    : SettingsGroup(tr("Data (next run)"), parent),
      dataset_(new QComboBox(this)),
      openCsv_(new QPushButton(tr("Open CSV..."), this)),
      target_(new QComboBox(this)),
      task_(new QComboBox(this)),
      samples_(new NumberField(tr("samples"), NumberField::Kind::Integer, 4, 1'000'000, this)),
      noise_(new NumberField(tr("noise"), NumberField::Kind::Real, 0, 10, this)),
      testFraction_(new NumberField(tr("test fraction"), NumberField::Kind::Real, 0, 1, this)),
      standardize_(new QCheckBox(tr("Standardise inputs"), this)),
      rowsMode_(new QComboBox(this)),
      rows_(new NumberField(tr("rows"), NumberField::Kind::Integer, 2, 1e12, this)),
      rowsRow_(new QHBoxLayout),
      summary_(new QLabel(this)) {
    testFraction_->setBounds(NumberField::Bound::Inclusive, NumberField::Bound::Exclusive);
    for (const std::string_view name : core::builtinDatasetNames()) {
        dataset_->addItem(displayName(name), toQString(name));
    }
    dataset_->insertSeparator(dataset_->count());
    task_->addItem(tr("Classification"), static_cast<int>(core::Task::Classify));
    task_->addItem(tr("Regression"), static_cast<int>(core::Task::Regress));
    rowsMode_->addItem(tr("All rows"));
    rowsMode_->addItem(tr("First N rows"));
    summary_->setWordWrap(true);
    summary_->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    setHelpText(dataset_, tr("Generated 2-D sets (xor ... moons), 1-D regression (sine), "
                             "shipped real sets, or CSV files you opened."));
    setHelpText(openCsv_, tr("Read a CSV file with a header row; every column but the target "
                             "must be numeric."));
    setHelpText(target_, tr("The column to predict; the other columns are the inputs."));
    setHelpText(samples_, tr("Number of generated points."));
    setHelpText(noise_, tr("Standard deviation of the Gaussian noise of the generator."));
    setHelpText(testFraction_, tr("Share of the rows held out for testing (0 = no test split)."));
    setHelpText(standardize_, tr("Scale every input to mean 0 and deviation 1, using the "
                                 "training split's statistics."));
    setHelpText(rows_, tr("Use only the first N rows of the file."));

    auto* datasetRow = new QHBoxLayout;
    datasetRow->addWidget(dataset_, 1);
    datasetRow->addWidget(openCsv_);
    rowsRow_->addWidget(rowsMode_, 1);
    rowsRow_->addWidget(rows_, 1);

    QFormLayout* f = form();
    addSettingRow("dataset", tr("Data set"), datasetRow);
    nameSetting("data", tr("Data set"));
    addSettingRow("target", tr("Target column"), target_);
    addSettingRow("task", tr("Task"), task_);
    addSettingRow("samples", tr("Samples"), samples_);
    addSettingRow("noise", tr("Noise"), noise_);
    addSettingRow("rows", tr("Data to use"), rowsRow_);
    addSettingRow("test-fraction", tr("Test fraction"), testFraction_);
    f->addRow(standardize_);
    nameSetting("standardize", standardize_->text());
    f->addRow(summary_);

    connect(openCsv_, &QPushButton::clicked, this, &DataPanel::chooseCsvFile);
    connect(dataset_, &QComboBox::currentIndexChanged, this, [this] {
        if (const CsvFile* file = chosenCsv()) {
            fillTargets(*file, QString());
        }
        refresh();
    });
    connect(target_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(task_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(rowsMode_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    for (NumberField* field : {samples_, noise_, testFraction_, rows_}) {
        connect(field, &QLineEdit::textChanged, this, [this] { refresh(); });
    }
    connect(standardize_, &QCheckBox::toggled, this, [this] { refresh(); });

    const core::RunConfig defaults;
    setFrom(defaults);
}

bool DataPanel::csvChosen() const {
    return dataset_->currentData().toString().startsWith(QLatin1String(kCsvPrefix));
}

const DataPanel::CsvFile* DataPanel::chosenCsv() const {
    if (!csvChosen()) {
        return nullptr;
    }
    const QString path = dataset_->currentData().toString().mid(4);
    const auto it = csvFiles_.find(path);
    return it == csvFiles_.end() ? nullptr : &it->second;
}

void DataPanel::chooseCsvFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open CSV data"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = openCsv(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot use this CSV file"), error);
    }
}

QString DataPanel::prepareFor(const core::DataSpec& spec) {
    if (spec.csvPath.empty()) {
        const QString name = QString::fromStdString(spec.dataset);
        return dataset_->findData(name) >= 0 ? QString() : tr("Unknown data set '%1'.").arg(name);
    }
    const QString path = QFileInfo(QString::fromStdString(spec.csvPath)).absoluteFilePath();
    if (csvFiles_.count(path) != 0) {
        return {};
    }
    try {
        CsvFile file{core::parseCsv(core::readFile(path.toStdString()),
                                    QFileInfo(path).fileName().toStdString()),
                     path};
        csvFiles_.emplace(path, std::move(file));
        addCsvItem(path);
        return {};
    } catch (const core::InputError& error) {
        return QString::fromStdString(error.what());
    }
}

void DataPanel::addCsvItem(const QString& path) {
    const QString itemData = QLatin1String(kCsvPrefix) + path;
    if (dataset_->findData(itemData) >= 0) {
        return;
    }
    QSignalBlocker block(dataset_);
    dataset_->addItem(QFileInfo(path).fileName(), itemData);
    dataset_->setItemData(dataset_->count() - 1, path, Qt::ToolTipRole);
}

QString DataPanel::openCsv(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    core::CsvTable table;
    const std::string source = QFileInfo(path).fileName().toStdString();
    try {
        table = core::parseCsv(core::readFile(absolute.toStdString()), source);
    } catch (const core::InputError& error) {
        return QString::fromStdString(error.what());
    }
    // The last column is the usual target; otherwise take the first column that works.
    QString firstError;
    int chosen = -1;
    const int columns = static_cast<int>(table.header.size());
    for (int offset = 0; offset < columns && chosen < 0; ++offset) {
        const int column = (columns - 1 + offset) % columns;
        try {
            core::CsvDataOptions options;
            options.target = std::to_string(column);
            (void)core::tableToDataset(table, options, source);
            chosen = column;
        } catch (const core::InputError& error) {
            if (firstError.isEmpty()) {
                firstError = QString::fromStdString(error.what());
            }
        }
    }
    if (chosen < 0) {
        return firstError;
    }
    csvFiles_[absolute] = CsvFile{std::move(table), absolute};
    addCsvItem(absolute);
    const CsvFile& file = csvFiles_[absolute];
    {
        QSignalBlocker block(dataset_);
        dataset_->setCurrentIndex(dataset_->findData(QLatin1String(kCsvPrefix) + absolute));
    }
    fillTargets(file, QString::number(chosen));
    refresh();
    return {};
}

void DataPanel::fillTargets(const CsvFile& file, const QString& target) {
    QSignalBlocker block(target_);
    target_->clear();
    for (size_t i = 0; i < file.table.header.size(); ++i) {
        target_->addItem(QString::fromStdString(file.table.header[i]), static_cast<int>(i));
    }
    int index = target_->count() - 1;
    if (!target.isEmpty()) {
        bool isIndex = false;
        const int column = target.toInt(&isIndex);
        const int byName = target_->findText(target, Qt::MatchExactly);
        index = byName >= 0 ? byName : (isIndex ? column : index);
    }
    target_->setCurrentIndex(index);
}

QString DataPanel::csvError() const {
    const CsvFile* file = chosenCsv();
    if (file == nullptr) {
        return {};
    }
    try {
        core::CsvDataOptions options;
        options.target = std::to_string(target_->currentData().toInt());
        options.task = static_cast<core::Task>(task_->currentData().toInt());
        (void)core::tableToDataset(file->table, options,
                                   QFileInfo(file->path).fileName().toStdString());
        return {};
    } catch (const core::InputError& error) {
        return tr("Target column: %1").arg(QString::fromStdString(error.what()));
    }
}

std::optional<DataShape> DataPanel::shape() const {
    try {
        if (const CsvFile* file = chosenCsv()) {
            core::CsvDataOptions options;
            options.target = std::to_string(target_->currentData().toInt());
            options.task = static_cast<core::Task>(task_->currentData().toInt());
            return core::tableShape(file->table, options, "csv");
        }
        core::DataSpec spec;
        spec.dataset = dataset_->currentData().toString().toStdString();
        if (core::isGeneratedDataset(spec.dataset)) {
            if (!samples_->isValid()) {
                return core::generatedShape(spec.dataset, 0);
            }
            spec.samples = samples_->integerValue();
            return core::dataShape(spec);
        }
        // A shipped set is parsed once: its shape never changes.
        auto it = shippedShapes_.find(spec.dataset);
        if (it == shippedShapes_.end()) {
            it = shippedShapes_.emplace(spec.dataset, core::dataShape(spec)).first;
        }
        return it->second;
    } catch (const core::InputError&) {
        return std::nullopt;
    }
}

void DataPanel::refresh() {
    const bool csv = csvChosen();
    const bool generated =
        !csv && core::isGeneratedDataset(dataset_->currentData().toString().toStdString());
    QFormLayout* f = form();
    f->setRowVisible(target_, csv);
    f->setRowVisible(task_, csv);
    f->setRowVisible(samples_, generated);
    f->setRowVisible(noise_, generated);
    f->setRowVisible(rowsRow_, !generated);
    rows_->setVisible(rowsMode_->currentIndex() == 1);
    markInvalid(target_, csvError());

    const auto s = shape();
    if (s && firstError().isEmpty()) {
        long n = s->rows;
        if (!generated && rowsMode_->currentIndex() == 1) {
            n = std::min(n, rows_->integerValue());
        }
        const double fraction = testFraction_->value().value_or(0.0);
        const long train = std::lround(static_cast<double>(n) * (1.0 - fraction));
        const QString outputs =
            s->task == core::Task::Classify
                ? (s->outputs == 1 ? tr("1 class") : tr("%1 classes").arg(s->outputs))
                : (s->outputs == 1 ? tr("1 target") : tr("%1 targets").arg(s->outputs));
        const QString inputs = s->inputs == 1 ? tr("1 input") : tr("%1 inputs").arg(s->inputs);
        summary_->setText(
            tr("%1 → %2 · %3 train / %4 test rows").arg(inputs, outputs).arg(train).arg(n - train));
    } else {
        summary_->setText(QString());
    }
    emit shapeChanged();
    notifyChanged();
}

void DataPanel::applyTo(core::RunConfig& config) const {
    core::DataSpec& d = config.data;
    d = core::DataSpec{};
    if (const CsvFile* file = chosenCsv()) {
        d.dataset.clear();
        d.csvPath = file->path.toStdString();
        d.target = target_->currentText().toStdString();
        if (std::count(file->table.header.begin(), file->table.header.end(), d.target) != 1) {
            d.target = std::to_string(target_->currentData().toInt());
        }
        d.task = static_cast<core::Task>(task_->currentData().toInt());
    } else {
        d.dataset = dataset_->currentData().toString().toStdString();
    }
    const bool generated = !chosenCsv() && core::isGeneratedDataset(d.dataset);
    if (generated) {
        d.samples = samples_->integerValue();
        d.noise = *noise_->value();
    } else if (rowsMode_->currentIndex() == 1) {
        d.rows = rows_->integerValue();
    }
    d.testFraction = *testFraction_->value();
    d.standardize = standardize_->isChecked();
}

void DataPanel::setFrom(const core::RunConfig& config) {
    const core::DataSpec& d = config.data;
    {
        QSignalBlocker block(dataset_);
        if (d.csvPath.empty()) {
            dataset_->setCurrentIndex(dataset_->findData(QString::fromStdString(d.dataset)));
        } else {
            const QString path = QFileInfo(QString::fromStdString(d.csvPath)).absoluteFilePath();
            const int index = dataset_->findData(QLatin1String(kCsvPrefix) + path);
            dataset_->setCurrentIndex(index);
            if (const CsvFile* file = chosenCsv()) {
                fillTargets(*file, QString::fromStdString(d.target));
            }
        }
    }
    {
        QSignalBlocker block(task_);
        task_->setCurrentIndex(task_->findData(static_cast<int>(d.task)));
    }
    samples_->setInteger(d.samples);
    noise_->setNumber(d.noise);
    testFraction_->setNumber(d.testFraction);
    standardize_->setChecked(d.standardize);
    rowsMode_->setCurrentIndex(d.rows ? 1 : 0);
    rows_->setInteger(d.rows.value_or(100));
    refresh();
}

QString DataPanel::firstError() const {
    const bool csv = csvChosen();
    if (dataset_->currentIndex() < 0) {
        return tr("Data set: choose one.");
    }
    if (!csv && core::isGeneratedDataset(dataset_->currentData().toString().toStdString())) {
        for (const NumberField* field : {samples_, noise_}) {
            if (!field->isValid()) {
                return field->error();
            }
        }
    } else if (rowsMode_->currentIndex() == 1 && !rows_->isValid()) {
        return rows_->error();
    }
    if (!testFraction_->isValid()) {
        return testFraction_->error();
    }
    return csvError();
}

}  // namespace lrscope::ui
