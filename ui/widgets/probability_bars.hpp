#pragma once

#include <vector>

#include <QColor>
#include <QStringList>
#include <QWidget>

namespace lrscope::ui {

// Class probabilities as horizontal bars, one row per class: its name, a bar in the class
// colour and the percentage; the most probable class is in bold. With `values` that are not
// probabilities (a regression's raw outputs) the rows show numbers without bars.
class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);

    void setProbabilities(const QStringList& names, std::vector<double> probabilities,
                          std::vector<QColor> colours);
    void setOutputs(const QStringList& names, std::vector<double> outputs);
    void setHint(const QString& hint);  // shown while there is nothing to show

    const std::vector<double>& values() const { return values_; }
    bool showsProbabilities() const { return bars_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList names_;
    std::vector<double> values_;
    std::vector<QColor> colours_;
    bool bars_ = false;
    QString hint_;
};

}  // namespace lrscope::ui
