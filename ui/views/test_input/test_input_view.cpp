#include "ui/views/test_input/test_input_view.hpp"

#include <limits>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/analysis/input_prediction.hpp"
#include "core/base/errors.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/boundary/class_colours.hpp"
#include "ui/views/followed_run.hpp"
#include "ui/widgets/digit_canvas.hpp"
#include "ui/widgets/number_field.hpp"
#include "ui/widgets/probability_bars.hpp"

namespace lrscope::ui {

namespace {

constexpr int kFinalWeights = -1;
constexpr int kFieldColumns = 3;  // label + entry pairs per row

}  // namespace

TestInputView::TestInputView(const ViewContext& context, QWidget* parent)
    : context_(context),
      page_(new QWidget(parent)),
      caption_(new QLabel(page_)),
      inputArea_(new QStackedWidget(page_)),
      canvas_(new DigitCanvas),
      fieldsPage_(new QWidget),
      fieldsGrid_(new QGridLayout(fieldsPage_)),
      outputs_(new ProbabilityBars(page_)),
      outputsTitle_(new QLabel(page_)),
      sample_(new QPushButton(QObject::tr("Next test sample"), page_)),
      clear_(new QPushButton(QObject::tr("Clear"), page_)),
      sampleNote_(new QLabel(page_)) {
    page_->setObjectName(QStringLiteral("view.test-input"));
    auto* canvasPage = new QWidget;
    auto* canvasLayout = new QVBoxLayout(canvasPage);
    canvasLayout->setContentsMargins(0, 0, 0, 0);
    canvasLayout->addWidget(canvas_);
    canvasLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(fieldsPage_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    inputArea_->addWidget(canvasPage);
    inputArea_->addWidget(scroll);
    fieldsGrid_->setContentsMargins(0, 0, 0, 0);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(sample_);
    buttons->addWidget(clear_);
    buttons->addWidget(sampleNote_, 1);
    auto* inputColumn = new QVBoxLayout;
    inputColumn->addWidget(inputArea_, 1);
    inputColumn->addLayout(buttons);
    auto* outputColumn = new QVBoxLayout;
    outputColumn->addWidget(outputsTitle_);
    outputColumn->addWidget(outputs_);
    outputColumn->addStretch(1);
    outputs_->setMinimumWidth(240);
    auto* row = new QHBoxLayout;
    row->addLayout(inputColumn, 3);
    row->addLayout(outputColumn, 2);
    auto* layout = new QVBoxLayout(page_);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(caption_);
    layout->addLayout(row, 1);

    QObject::connect(canvas_, &DigitCanvas::changed, page_, [this] {
        sampleNote_->clear();
        refresh();
    });
    QObject::connect(sample_, &QPushButton::clicked, page_, [this] { showNextSample(); });
    QObject::connect(clear_, &QPushButton::clicked, page_, [this] {
        if (inputs_.isDigits) {
            canvas_->clear();
        } else if (inputs_.ok) {
            setInput(inputs_.typical);
            sampleNote_->setText(QObject::tr("the training data's mean"));
        }
    });
    QObject::connect(&context_.selection, &RunSelection::changed, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runAdded, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runRemoved, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::cleared, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runChanged, page_,
                     [this](core::RunId id, unsigned what) {
                         if (id != shown_ && (what & RunStore::State) != 0U) {
                             follow();  // a newer run may have started
                             return;
                         }
                         const Run* run = context_.store.run(id);
                         if (id == shown_ && run != nullptr && (what & RunStore::State) != 0U &&
                             run->finalWeights && isFinished(run->state)) {
                             takeWeights(*run->finalWeights, kFinalWeights);
                         }
                     });
    QObject::connect(&context_.controller, &TrainingController::snapshotArrived, page_,
                     [this](core::RunId id, const core::WeightSnapshot& snapshot) {
                         if (id == shown_ && epoch_ != kFinalWeights) {
                             takeWeights(snapshot.weights, snapshot.epoch);
                         }
                     });
    follow();
}

QString TestInputView::key() const {
    return QStringLiteral("test-input");
}

QString TestInputView::title() const {
    return QObject::tr("Test with input");
}

QWidget* TestInputView::widget() {
    return page_;
}

bool TestInputView::showsCanvas() const {
    return inputArea_->currentIndex() == 0;
}

void TestInputView::follow() {
    const core::RunId id = followedRun(context_);
    if (id != shown_) {
        show(id);
    }
}

void TestInputView::show(core::RunId id) {
    context_.controller.requestSnapshots(shown_, this, 0);
    shown_ = id;
    weights_.reset();
    epoch_.reset();
    nextSample_ = 0;
    const Run* run = context_.store.run(id);
    inputs_ = run != nullptr ? runInputsOf(run->config) : RunInputs{};
    const bool usable = run != nullptr && inputs_.ok;
    sample_->setEnabled(usable && inputs_.samples.cols() > 0);
    clear_->setEnabled(usable);
    if (run == nullptr) {
        shown_ = 0;
        caption_->setText(
            QObject::tr("Train a run, then enter an input here to see what its "
                        "network answers."));
    } else if (!inputs_.ok) {
        caption_->setText(inputs_.reason);
    }
    buildFields();
    if (usable) {
        if (run->finalWeights && isFinished(run->state)) {
            takeWeights(*run->finalWeights, kFinalWeights);
        } else if (context_.controller.isActive(id)) {
            context_.controller.requestSnapshots(id, this, 1);
        }
        showNextSample();
    }
    refresh();
}

void TestInputView::buildFields() {
    for (NumberField* field : fields_) {
        field->deleteLater();
    }
    fields_.clear();
    while (QLayoutItem* item = fieldsGrid_->takeAt(0)) {
        if (item->widget() != nullptr) {
            item->widget()->deleteLater();
        }
        delete item;
    }
    inputArea_->setCurrentIndex(inputs_.isDigits ? 0 : 1);
    clear_->setText(inputs_.isDigits ? QObject::tr("Clear") : QObject::tr("Mean values"));
    if (!inputs_.ok || inputs_.isDigits) {
        return;
    }
    constexpr double kBig = std::numeric_limits<double>::max();
    for (int f = 0; f < inputs_.featureNames.size(); ++f) {
        const QString name = inputs_.featureNames[f];
        auto* field = new NumberField(name, NumberField::Kind::Real, -kBig, kBig, fieldsPage_);
        field->setMinimumWidth(70);
        setHelpText(field, QObject::tr("%1 in the data's own units (the run standardises it as "
                                       "it did its training data)")
                               .arg(name));
        auto* label = new QLabel(name, fieldsPage_);
        label->setToolTip(name);
        fieldsGrid_->addWidget(label, f / kFieldColumns, 2 * (f % kFieldColumns));
        fieldsGrid_->addWidget(field, f / kFieldColumns, 2 * (f % kFieldColumns) + 1);
        QObject::connect(field, &QLineEdit::textChanged, page_, [this] {
            if (!filling_) {
                sampleNote_->clear();
                refresh();
            }
        });
        fields_.push_back(field);
    }
    fieldsGrid_->setRowStretch(static_cast<int>(fields_.size()) / kFieldColumns + 1, 1);
}

std::optional<core::Vector> TestInputView::input() const {
    if (!inputs_.ok) {
        return std::nullopt;
    }
    if (inputs_.isDigits) {
        const auto& values = canvas_->values();
        core::Vector v(static_cast<Eigen::Index>(values.size()));
        for (size_t i = 0; i < values.size(); ++i) {
            v(static_cast<Eigen::Index>(i)) = values[i];
        }
        return v;
    }
    core::Vector v(static_cast<Eigen::Index>(fields_.size()));
    for (size_t i = 0; i < fields_.size(); ++i) {
        const auto value = fields_[i]->value();
        if (!value) {
            return std::nullopt;
        }
        v(static_cast<Eigen::Index>(i)) = *value;
    }
    return v;
}

void TestInputView::setInput(const core::Vector& input) {
    filling_ = true;
    if (inputs_.isDigits) {
        std::array<double, DigitCanvas::kSide * DigitCanvas::kSide> values{};
        for (size_t i = 0; i < values.size() && static_cast<Eigen::Index>(i) < input.size(); ++i) {
            values[i] = input(static_cast<Eigen::Index>(i));
        }
        canvas_->setValues(values);
    } else {
        // Four significant digits read as the data's own values do; the entry is what is used.
        for (size_t i = 0; i < fields_.size(); ++i) {
            fields_[i]->setText(QString::number(input(static_cast<Eigen::Index>(i)), 'g', 4));
        }
    }
    filling_ = false;
    refresh();
}

void TestInputView::showNextSample() {
    const Eigen::Index count = inputs_.samples.cols();
    if (count == 0) {
        return;
    }
    const Eigen::Index j = nextSample_ % count;
    ++nextSample_;
    setInput(inputs_.samples.col(j));
    sampleNote_->setText(QObject::tr("test sample %1 of %2 (%3)")
                             .arg(j + 1)
                             .arg(count)
                             .arg(inputs_.sampleLabels[static_cast<size_t>(j)]));
}

void TestInputView::takeWeights(const core::NetworkWeights& weights, int epoch) {
    weights_ = weights;
    epoch_ = epoch;
    refresh();
}

void TestInputView::refresh() {
    const Run* run = context_.store.run(shown_);
    if (run == nullptr || !inputs_.ok) {
        outputsTitle_->clear();
        outputs_->setHint(QString());
        return;
    }
    if (!weights_) {
        caption_->setText(QObject::tr("%1 · waiting for its first weights").arg(run->name));
        outputs_->setHint(context_.controller.isActive(shown_)
                              ? QObject::tr("The outputs appear with the run's first weights.")
                              : QObject::tr("This run kept no weights."));
        return;
    }
    caption_->setText(
        epoch_ == kFinalWeights
            ? QObject::tr("%1 · final weights (epoch %2)").arg(run->name).arg(run->lastEpoch())
            : QObject::tr("%1 · weights after epoch %2").arg(run->name).arg(*epoch_));
    const auto entered = input();
    if (!entered) {
        outputsTitle_->setText(QObject::tr("Outputs"));
        outputs_->setHint(QObject::tr("Every entry needs a number."));
        return;
    }
    try {
        const core::Predictions result =
            core::predictInput(*weights_, run->config.activation, run->config.loss, *entered,
                               inputs_.featureMean, inputs_.featureScale);
        std::vector<double> values;
        if (run->config.loss == core::LossKind::CrossEntropy) {
            std::vector<QColor> colours;
            for (Eigen::Index k = 0; k < result.probabilities.rows(); ++k) {
                values.push_back(result.probabilities(k, 0));
                colours.push_back(classColour(static_cast<int>(k)));
            }
            outputsTitle_->setText(QObject::tr("Class probabilities"));
            outputs_->setProbabilities(inputs_.outputNames, std::move(values), std::move(colours));
        } else {
            for (Eigen::Index k = 0; k < result.outputs.rows(); ++k) {
                values.push_back(result.outputs(k, 0));
            }
            outputsTitle_->setText(QObject::tr("Network outputs"));
            outputs_->setOutputs(inputs_.outputNames, std::move(values));
        }
    } catch (const core::InputError& error) {
        outputs_->setHint(QString::fromStdString(error.what()));
    }
}

}  // namespace lrscope::ui
