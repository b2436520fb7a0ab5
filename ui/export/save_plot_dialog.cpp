#include "ui/export/save_plot_dialog.hpp"

#include <cmath>

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/base/number_format.hpp"
#include "ui/views/curves/run_plot.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

SavePlotDialog::SavePlotDialog(std::vector<Choice> plots, const QString& suggestedPath,
                               QWidget* parent)
    : QDialog(parent),
      plots_(std::move(plots)),
      plot_(new QComboBox(this)),
      title_(new QLineEdit(this)),
      key_(new QCheckBox(tr("Key: solid line = train, dashed = test"), this)),
      yMin_(new QLineEdit(this)),
      yMax_(new QLineEdit(this)),
      path_(new QLineEdit(suggestedPath, this)),
      width_(new NumberField(tr("width"), NumberField::Kind::Integer, kMinFigureSide,
                             kMaxFigureSide, this)),
      height_(new NumberField(tr("height"), NumberField::Kind::Integer, kMinFigureSide,
                              kMaxFigureSide, this)),
      scale_(new QComboBox(this)),
      info_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Save plot"));
    for (const Choice& choice : plots_) {
        plot_->addItem(choice.name);
        if (qobject_cast<RunPlot*>(choice.plot) != nullptr && both_.size() < 2) {
            both_.push_back(choice.plot);
        }
    }
    if (both_.size() == 2) {
        plot_->addItem(tr("Both plots in one figure (loss above)"));
    }
    title_->setPlaceholderText(tr("none"));
    setHelpText(title_, tr("Drawn above the (upper) plot."));
    key_->setChecked(true);
    setHelpText(key_, tr("A line above the plot that says what the two line styles mean."));
    for (QLineEdit* end : {yMin_, yMax_}) {
        end->setPlaceholderText(tr("as shown"));
        setHelpText(end, tr("Empty: the y axis as the window shows it. A fixed top marks "
                            "higher curves as clipped."));
    }
    width_->setInteger(1200);
    height_->setInteger(700);
    for (const double scale : {1.0, 2.0, 3.0, 4.0}) {
        scale_->addItem(QStringLiteral("%1x").arg(scale), scale);
    }
    scale_->setCurrentIndex(1);
    setHelpText(scale_, tr("PNG only: pixels per figure pixel; 2x looks sharp on high-DPI "
                           "screens and in print."));
    setHelpText(path_, tr("The file name's suffix chooses the format: .png, .pdf or .svg."));
    info_->setWordWrap(true);

    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(height_);
    sizeRow->addWidget(new QLabel(tr("px"), this));
    auto* yRow = new QHBoxLayout;
    yRow->addWidget(new QLabel(tr("from"), this));
    yRow->addWidget(yMin_);
    yRow->addWidget(new QLabel(tr("to"), this));
    yRow->addWidget(yMax_);
    auto* form = new QFormLayout;
    form->addRow(tr("Plot"), plot_);
    form->addRow(tr("Title"), title_);
    form->addRow(QString(), key_);
    form->addRow(tr("Y axis"), yRow);
    form->addRow(tr("File"), fileRow);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Scale (PNG)"), scale_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(info_);
    layout->addWidget(buttons_);
    setMinimumWidth(520);

    connect(browse, &QPushButton::clicked, this, &SavePlotDialog::browse);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SavePlotDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SavePlotDialog::reject);
    connect(path_, &QLineEdit::textChanged, this, &SavePlotDialog::refresh);
    connect(width_, &QLineEdit::textChanged, this, &SavePlotDialog::refresh);
    connect(height_, &QLineEdit::textChanged, this, &SavePlotDialog::refresh);
    connect(scale_, &QComboBox::currentIndexChanged, this, &SavePlotDialog::refresh);
    connect(plot_, &QComboBox::currentIndexChanged, this, &SavePlotDialog::refresh);
    connect(yMin_, &QLineEdit::textChanged, this, &SavePlotDialog::refresh);
    connect(yMax_, &QLineEdit::textChanged, this, &SavePlotDialog::refresh);
    refresh();
}

QString SavePlotDialog::path() const {
    return path_->text().trimmed();
}

FigureSize SavePlotDialog::figureSize() const {
    FigureSize size;
    size.width = static_cast<int>(width_->integerValue());
    size.height = static_cast<int>(height_->integerValue());
    size.scale =
        figureFormatFor(path()) == FigureFormat::Png ? scale_->currentData().toDouble() : 1.0;
    return size;
}

PlotStack SavePlotDialog::plots() const {
    const int index = plot_->currentIndex();
    if (index < 0) {
        return {};
    }
    if (static_cast<size_t>(index) >= plots_.size()) {
        return both_;
    }
    return {plots_[static_cast<size_t>(index)].plot};
}

std::optional<double> SavePlotDialog::yEnd(const QLineEdit* field) const {
    return core::parseDouble(field->text().trimmed().toStdString());
}

FigureOptions SavePlotDialog::figureOptions() const {
    FigureOptions options;
    options.title = title_->text().trimmed();
    options.seriesKey = key_->isChecked();
    options.yMin = yEnd(yMin_);
    options.yMax = yEnd(yMax_);
    return options;
}

QString SavePlotDialog::figureProblem() const {
    for (const auto& [field, name] :
         {std::pair{yMin_, tr("y from")}, std::pair{yMax_, tr("y to")}}) {
        const QString text = field->text().trimmed();
        if (!text.isEmpty() && !yEnd(field)) {
            return tr("%1: '%2' is not a number; leave it empty for the axis as shown")
                .arg(name, text);
        }
    }
    const PlotStack stack = plots();
    const auto* upper = stack.empty() ? nullptr : qobject_cast<const RunPlot*>(stack.front());
    const FigureOptions options = figureOptions();
    return yLimitsProblem(options.yMin, options.yMax, upper != nullptr && upper->logY());
}

void SavePlotDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Save plot as"), path(),
        tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (!chosen.isEmpty()) {
        path_->setText(chosen);
    }
}

void SavePlotDialog::refresh() {
    const auto format = figureFormatFor(path());
    QString problem;
    if (path().isEmpty()) {
        problem = tr("Choose a file.");
    } else if (!format) {
        problem = tr("The file name must end in .png, .pdf or .svg.");
    } else if (!width_->isValid()) {
        problem = width_->error();
    } else if (!height_->isValid()) {
        problem = height_->error();
    }
    const QString figure = figureProblem();
    if (problem.isEmpty()) {
        problem = figure;
    }
    markInvalid(path_, !path().isEmpty() && !format ? problem : QString());
    markInvalid(yMin_, figure.contains(tr("y from")) ? figure : QString());
    markInvalid(yMax_, figure.contains(tr("y to")) ? figure : QString());
    // Title, key and y ends are drawn by the run plots only.
    const PlotStack stack = plots();
    const bool dressable = !stack.empty() && qobject_cast<RunPlot*>(stack.front()) != nullptr;
    for (QWidget* control : std::initializer_list<QWidget*>{title_, key_, yMin_, yMax_}) {
        control->setEnabled(dressable);
    }
    scale_->setEnabled(format == FigureFormat::Png);
    buttons_->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        info_->setText(problem);
        return;
    }
    const FigureSize size = figureSize();
    if (format == FigureFormat::Png) {
        info_->setText(tr("PNG image of %1 × %2 pixels.")
                           .arg(std::lround(size.width * size.scale))
                           .arg(std::lround(size.height * size.scale)));
    } else if (format == FigureFormat::Pdf) {
        info_->setText(
            tr("PDF page of %1 × %2 points, vector graphics.").arg(size.width).arg(size.height));
    } else {
        info_->setText(
            tr("SVG drawing of %1 × %2, vector graphics.").arg(size.width).arg(size.height));
    }
}

void SavePlotDialog::accept() {
    const PlotStack stack = plots();
    if (stack.empty()) {
        return;
    }
    const bool dressable = qobject_cast<RunPlot*>(stack.front()) != nullptr;
    const QString error =
        exportFigure(stack, path(), figureSize(), dressable ? figureOptions() : FigureOptions{});
    if (!error.isEmpty()) {
        info_->setText(tr("Not saved: %1").arg(error));
        info_->setStyleSheet(QStringLiteral("color: #B34700;"));
        return;
    }
    QDialog::accept();
}

}  // namespace lrscope::ui
