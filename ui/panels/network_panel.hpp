#pragma once

#include <optional>
#include <variant>
#include <vector>

#include "ui/panels/data_panel.hpp"
#include "ui/panels/settings_group.hpp"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lrscope::ui {

class NetworkDiagram;
class NumberField;

// "8,8" or "8 8" -> {8, 8}; "" -> {} (no hidden layer). Returns the reason for junk, a width
// outside 1..kMaxLayerWidth or more than kMaxHiddenLayers layers.
std::variant<std::vector<int>, QString> parseHiddenLayers(const QString& text);

// The network: hidden layer widths, activation, loss, initial weights (a scheme, or weights
// imported from a file), with a live diagram of its shape.
class NetworkPanel : public SettingsGroup {
    Q_OBJECT
public:
    explicit NetworkPanel(QWidget* parent = nullptr);

    void applyTo(core::RunConfig& config) const override;
    void setFrom(const core::RunConfig& config) override;
    QString firstError() const override;

    // The data's shape decides the input and output layers (and which losses fit).
    void setDataShape(const std::optional<DataShape>& shape);
    // Start the next runs from these weights instead of a random initialisation.
    void setInitialWeights(const core::NetworkWeights& weights, const QString& source);
    void clearInitialWeights();
    bool hasInitialWeights() const { return initialWeights_.has_value(); }

    NetworkDiagram* diagram() const { return diagram_; }

private:
    QString weightsError() const;
    QString lossError() const;
    void refresh();

    QLineEdit* hidden_;
    QComboBox* activation_;
    QComboBox* loss_;
    QComboBox* init_;
    NumberField* low_;
    NumberField* high_;
    QCheckBox* fixedBias_;
    NumberField* biasValue_;
    QLabel* weightsLabel_;
    QLabel* lossNote_;         // says when the loss was picked to fit the data
    bool lossPicked_ = false;  // the loss was switched to MSE for a regression set
    QPushButton* clearWeights_;
    QHBoxLayout* weightsRow_;
    QHBoxLayout* rangeRow_;
    NetworkDiagram* diagram_;
    std::optional<DataShape> shape_;
    std::optional<core::NetworkWeights> initialWeights_;
    QString weightsSource_;
};

}  // namespace lrscope::ui
