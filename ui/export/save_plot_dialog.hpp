#pragma once

#include <optional>
#include <vector>

#include <QDialog>

#include "ui/export/plot_export.hpp"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QCustomPlot;

namespace lrscope::ui {

class NumberField;

// "Save plot": which plot (or the first two run plots stacked in one figure), file (the
// suffix picks PNG, PDF or SVG), size in pixels and, for PNG, a scale for high-DPI output;
// for a post also a title, a key of the line styles and fixed y-axis ends. Saves on OK and
// stays open with the reason when saving fails.
class SavePlotDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        QString name;
        QCustomPlot* plot;
    };

    SavePlotDialog(std::vector<Choice> plots, const QString& suggestedPath,
                   QWidget* parent = nullptr);

    QString path() const;
    FigureSize figureSize() const;
    // The plots the figure holds, top to bottom (empty when none is chosen).
    PlotStack plots() const;
    FigureOptions figureOptions() const;

    void accept() override;

private:
    void browse();
    void refresh();
    QString figureProblem() const;
    std::optional<double> yEnd(const QLineEdit* field) const;

    std::vector<Choice> plots_;
    PlotStack both_;  // the first two run plots, when there are two
    QComboBox* plot_;
    QLineEdit* title_;
    QCheckBox* key_;
    QLineEdit* yMin_;
    QLineEdit* yMax_;
    QLineEdit* path_;
    NumberField* width_;
    NumberField* height_;
    QComboBox* scale_;
    QLabel* info_;
    QDialogButtonBox* buttons_;
};

}  // namespace lrscope::ui
