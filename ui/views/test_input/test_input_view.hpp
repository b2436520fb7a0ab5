#pragma once

#include <optional>
#include <vector>

#include "core/nn/network_weights.hpp"
#include "core/training/epoch_record.hpp"
#include "ui/views/run_view.hpp"
#include "ui/views/test_input/run_inputs.hpp"
#include "ui/views/view_context.hpp"

class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace lrscope::ui {

class DigitCanvas;
class NumberField;
class ProbabilityBars;

// Perceptron's "Test With Input" for the selected run (the newest while none is selected):
// the user enters one input, in the data's own units (one entry per feature), or for the
// digits data set draws it on an 8 x 8 canvas, and sees what the network answers, live as
// they type or draw and as the run trains (weights from snapshots, then the final ones): class
// probabilities as bars, or a regression's outputs. The input is standardised as the run's
// training data was (core::predictInput).
class TestInputView : public RunView {
public:
    TestInputView(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Below; }

    // For tests.
    core::RunId shownRun() const { return shown_; }
    DigitCanvas* canvas() const { return canvas_; }
    bool showsCanvas() const;
    const std::vector<NumberField*>& fields() const { return fields_; }
    ProbabilityBars* outputs() const { return outputs_; }
    QPushButton* sampleButton() const { return sample_; }
    // The input as entered, in data units (nullopt while an entry is invalid).
    std::optional<core::Vector> input() const;
    const RunInputs& inputs() const { return inputs_; }
    const std::optional<core::NetworkWeights>& weights() const { return weights_; }

private:
    void follow();
    void show(core::RunId id);
    void buildFields();
    void setInput(const core::Vector& input);
    void takeWeights(const core::NetworkWeights& weights, int epoch);
    void showNextSample();
    void refresh();

    ViewContext context_;
    QWidget* page_;
    QLabel* caption_;
    QStackedWidget* inputArea_;
    DigitCanvas* canvas_;
    QWidget* fieldsPage_;
    QGridLayout* fieldsGrid_;
    std::vector<NumberField*> fields_;
    ProbabilityBars* outputs_;
    QLabel* outputsTitle_;
    QPushButton* sample_;
    QPushButton* clear_;
    QLabel* sampleNote_;
    core::RunId shown_ = 0;
    RunInputs inputs_;
    std::optional<core::NetworkWeights> weights_;
    std::optional<int> epoch_;  // of weights_; -1 for final weights
    long nextSample_ = 0;
    bool filling_ = false;
};

}  // namespace lrscope::ui
