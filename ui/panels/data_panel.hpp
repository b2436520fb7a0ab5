#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/data/csv_reader.hpp"
#include "ui/panels/settings_group.hpp"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace lrscope::ui {

class NumberField;

// The shape a data set gives the network; rows = rows available before "first N rows".
using DataShape = core::DataShape;

// The data set (built-in generators and shipped sets, or CSV files opened here with a
// target-column picker) and how it is prepared: samples, noise, test fraction,
// standardisation, and "first N rows".
class DataPanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit DataPanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

    // Shape of the chosen data, or nullopt when it cannot be read with the current entries.
    std::optional<DataShape> shape() const;

    // Reads a CSV file and selects it. On failure returns the reason and changes nothing.
    QString openCsv(const QString& path);
    // Makes sure setFrom() can show `spec` (reads its CSV file if needed). Returns the reason
    // when it cannot; changes no visible setting either way.
    QString prepareFor(const core::DataSpec& spec);

public slots:
    void chooseCsvFile();  // asks for a file, then openCsv()

signals:
    void shapeChanged();

private:
    struct CsvFile {
        core::CsvTable table;
        QString path;
    };

    bool csvChosen() const;
    const CsvFile* chosenCsv() const;
    void fillTargets(const CsvFile& file, const QString& target);
    QString csvError() const;
    void refresh();
    void addCsvItem(const QString& path);

    QComboBox* dataset_;
    QPushButton* openCsv_;
    QComboBox* target_;
    QComboBox* task_;
    NumberField* samples_;
    NumberField* noise_;
    NumberField* testFraction_;
    QCheckBox* standardize_;
    QComboBox* rowsMode_;
    NumberField* rows_;
    QHBoxLayout* rowsRow_;
    QLabel* summary_;
    std::map<QString, CsvFile> csvFiles_;                     // by absolute path
    mutable std::map<std::string, DataShape> shippedShapes_;  // by data set name
};

}  // namespace lrscope::ui
