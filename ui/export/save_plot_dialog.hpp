#pragma once

#include <vector>

#include <QDialog>

#include "ui/export/plot_export.hpp"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QCustomPlot;

namespace lrscope::ui {

class NumberField;

// "Save plot": which plot, file (the suffix picks PNG, PDF or SVG), size in pixels and, for
// PNG, a scale for high-DPI output. Saves on OK and stays open with the reason when saving
// fails.
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
    QCustomPlot* plot() const;

    void accept() override;

private:
    void browse();
    void refresh();

    std::vector<Choice> plots_;
    QComboBox* plot_;
    QLineEdit* path_;
    NumberField* width_;
    NumberField* height_;
    QComboBox* scale_;
    QLabel* info_;
    QDialogButtonBox* buttons_;
};

}  // namespace lrscope::ui
