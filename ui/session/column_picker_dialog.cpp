#include "ui/session/column_picker_dialog.hpp"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace lrscope::ui {

ColumnPickerDialog::ColumnPickerDialog(const QString& fileName,
                                       const std::vector<std::string>& header, const std::string& x,
                                       const std::vector<std::string>& y, QWidget* parent)
    : QDialog(parent), header_(header), step_(new QComboBox(this)), values_(new QListWidget(this)) {
    setWindowTitle(tr("Import runs from %1").arg(fileName));
    for (size_t i = 0; i < header_.size(); ++i) {
        const QString name =
            header_[i].empty() ? tr("(column %1)").arg(i + 1) : QString::fromStdString(header_[i]);
        step_->addItem(name);
        auto* item = new QListWidgetItem(name, values_);
        const bool chosen = std::find(y.begin(), y.end(), header_[i]) != y.end();
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        if (header_[i] == x) {
            step_->setCurrentIndex(static_cast<int>(i));
        }
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(values_, &QListWidget::itemChanged, this, &ColumnPickerDialog::refreshOk);
    connect(step_, &QComboBox::currentIndexChanged, this, &ColumnPickerDialog::refreshOk);

    auto* note =
        new QLabel(tr("Each checked column becomes one imported curve over the steps column. "
                      "Imported curves are drawn on the loss plot."),
                   this);
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Steps (x axis):"), step_);
    form->addRow(tr("Curves (y):"), values_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
    refreshOk();
}

std::string ColumnPickerDialog::columnKey(int index) const {
    const std::string& name = header_[static_cast<size_t>(index)];
    const bool unique = !name.empty() && std::count(header_.begin(), header_.end(), name) == 1;
    // A header that reads like a number would be taken as an index only if no column had
    // that name; an index is exact either way.
    return unique ? name : std::to_string(index);
}

core::CsvSeriesColumns ColumnPickerDialog::columns() const {
    core::CsvSeriesColumns columns;
    columns.x = columnKey(step_->currentIndex());
    for (int i = 0; i < values_->count(); ++i) {
        if (values_->item(i)->checkState() == Qt::Checked && i != step_->currentIndex()) {
            columns.y.push_back(columnKey(i));
        }
    }
    return columns;
}

void ColumnPickerDialog::refreshOk() {
    // The steps column cannot also be a curve.
    for (int i = 0; i < values_->count(); ++i) {
        QListWidgetItem* item = values_->item(i);
        const bool isStep = i == step_->currentIndex();
        const Qt::ItemFlags flags =
            isStep ? Qt::NoItemFlags : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
        if (item->flags() != flags) {
            item->setFlags(flags);
        }
    }
    ok_->setEnabled(!columns().y.empty());
}

}  // namespace lrscope::ui
