#pragma once

#include <string>
#include <vector>

#include <QDialog>

#include "core/io/generic_csv_import.hpp"

class QComboBox;
class QListWidget;

namespace lrscope::ui {

// Import runs from a CSV log: which column holds the steps and which columns become curves.
// Starts from what the reader would pick by itself (the first step, iteration or epoch
// column; every other numeric column), so OK alone imports the default.
class ColumnPickerDialog : public QDialog {
    Q_OBJECT
public:
    // `header`: the file's column names; `x` and `y`: the preselected step and value columns.
    ColumnPickerDialog(const QString& fileName, const std::vector<std::string>& header,
                       const std::string& x, const std::vector<std::string>& y,
                       QWidget* parent = nullptr);

    // The columns as chosen, by name (by 0-based index where a name repeats or is empty).
    core::CsvSeriesColumns columns() const;

    QComboBox* stepBox() const { return step_; }
    QListWidget* valueList() const { return values_; }

private:
    void refreshOk();
    std::string columnKey(int index) const;

    std::vector<std::string> header_;
    QComboBox* step_;
    QListWidget* values_;
    QPushButton* ok_ = nullptr;
};

}  // namespace lrscope::ui
