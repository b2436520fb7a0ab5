#include "ui/panels/network_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "core/base/number_format.hpp"
#include "ui/qt_text.hpp"
#include "ui/widgets/network_diagram.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

constexpr core::Activation kActivations[] = {core::Activation::Tanh, core::Activation::Relu,
                                             core::Activation::LeakyRelu, core::Activation::Sigmoid,
                                             core::Activation::Linear};

}  // namespace

std::variant<std::vector<int>, QString> parseHiddenLayers(const QString& text) {
    // As the CLI's --layers: comma-separated widths, spaces around them allowed, empty for no
    // hidden layer; an empty item ("8,,8", "8,") is an error, not silently dropped.
    std::vector<int> widths;
    if (text.trimmed().isEmpty()) {
        return widths;
    }
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString part = raw.trimmed();
        if (part.isEmpty()) {
            return QObject::tr(
                       "Hidden layers: '%1' has an empty width between commas; write "
                       "widths like 8,8")
                .arg(text.trimmed());
        }
        const auto width = core::parseLong(part.toStdString());
        if (!width) {
            return QObject::tr(
                       "Hidden layers: '%1' is not a whole number; write widths "
                       "like 8,8")
                .arg(part);
        }
        if (*width < 1 || *width > core::kMaxLayerWidth) {
            return QObject::tr("Hidden layers: width %1 is out of range; expected 1 to %2")
                .arg(*width)
                .arg(core::kMaxLayerWidth);
        }
        widths.push_back(static_cast<int>(*width));
    }
    if (widths.size() > static_cast<size_t>(core::kMaxHiddenLayers)) {
        return QObject::tr("Hidden layers: %1 layers; at most %2 are allowed")
            .arg(widths.size())
            .arg(core::kMaxHiddenLayers);
    }
    return widths;
}

NetworkPanel::NetworkPanel(QWidget* parent)
    : SettingsGroup(tr("Network (next run)"), parent),
      hidden_(new QLineEdit(this)),
      activation_(new QComboBox(this)),
      loss_(new QComboBox(this)),
      init_(new QComboBox(this)),
      low_(new NumberField(tr("low"), NumberField::Kind::Real, -100, 100, this)),
      high_(new NumberField(tr("high"), NumberField::Kind::Real, -100, 100, this)),
      fixedBias_(new QCheckBox(tr("Fixed initial bias"), this)),
      biasValue_(new NumberField(tr("initial bias"), NumberField::Kind::Real, -100, 100, this)),
      weightsLabel_(new QLabel(this)),
      lossNote_(makeNote()),
      clearWeights_(new QPushButton(tr("Use random"), this)),
      weightsRow_(new QHBoxLayout),
      rangeRow_(new QHBoxLayout),
      diagram_(new NetworkDiagram(this)) {
    for (const core::Activation a : kActivations) {
        activation_->addItem(toQString(core::activationName(a)), static_cast<int>(a));
    }
    loss_->addItem(tr("Cross-entropy"), static_cast<int>(core::LossKind::CrossEntropy));
    loss_->addItem(tr("Mean squared error"), static_cast<int>(core::LossKind::Mse));
    init_->addItem(tr("PyTorch default"), static_cast<int>(core::InitScheme::Default));
    init_->addItem(tr("Xavier (Glorot) uniform"), static_cast<int>(core::InitScheme::Xavier));
    init_->addItem(tr("He (Kaiming) uniform"), static_cast<int>(core::InitScheme::He));
    init_->addItem(tr("Uniform range"), static_cast<int>(core::InitScheme::Uniform));
    hidden_->setPlaceholderText(tr("none (a linear model)"));
    setHelpText(hidden_, tr("Widths of the hidden layers, separated by commas, e.g. 8,8. "
                            "Leave empty for no hidden layer."));
    setHelpText(activation_, tr("Activation of the hidden layers; the output layer is linear."));
    setHelpText(loss_, tr("Cross-entropy (softmax on the outputs) for classes; mean squared "
                          "error for classes (one-hot) or regression."));
    setHelpText(init_, tr("How the initial weights are drawn (from the run's seed)."));
    setHelpText(fixedBias_, tr("Set every initial bias to the value on the right."));
    setHelpText(clearWeights_, tr("Forget the imported weights and draw random ones again."));
    setHelpText(weightsLabel_, tr("Runs start from random weights drawn as set above, or from "
                                  "weights imported with File ▸ Import weights."));
    weightsLabel_->setWordWrap(true);
    weightsRow_->addWidget(weightsLabel_, 1);
    weightsRow_->addWidget(clearWeights_);
    rangeRow_->addWidget(low_);
    rangeRow_->addWidget(new QLabel(tr("to"), this));
    rangeRow_->addWidget(high_);
    auto* biasRow = new QHBoxLayout;
    biasRow->addWidget(fixedBias_);
    biasRow->addWidget(biasValue_);

    QFormLayout* f = form();
    addSettingRow("layers", tr("Hidden layers"), hidden_);
    addSettingRow("activation", tr("Activation"), activation_);
    addSettingRow("loss", tr("Loss"), loss_);
    f->addRow(lossNote_);
    f->setRowVisible(lossNote_, false);
    addSettingRow("init", tr("Initial weights"), init_);
    f->addRow(tr("Range"), rangeRow_);
    f->addRow(biasRow);
    nameSetting("bias-init", fixedBias_->text());
    f->addRow(tr("Start from"), weightsRow_);
    f->addRow(diagram_);

    connect(hidden_, &QLineEdit::textChanged, this, [this] { refresh(); });
    for (QComboBox* box : {activation_, loss_, init_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    }
    for (NumberField* field : {low_, high_, biasValue_}) {
        connect(field, &QLineEdit::textChanged, this, [this] { refresh(); });
    }
    connect(fixedBias_, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(loss_, &QComboBox::activated, this, [this] {
        lossPicked_ = false;  // the user's own choice from now on
        lossNote_->clear();
        form()->setRowVisible(lossNote_, false);
    });
    connect(clearWeights_, &QPushButton::clicked, this, &NetworkPanel::clearInitialWeights);
    const core::RunConfig defaults;
    setFrom(defaults);
}

void NetworkPanel::setDataShape(const std::optional<DataShape>& shape) {
    // As lrscope-cli does: a regression set trains with mean squared error. The panel picks it
    // and says so, and goes back to cross-entropy when the data has classes again.
    const auto loss = static_cast<core::LossKind>(loss_->currentData().toInt());
    const bool regression = shape && shape->task == core::Task::Regress;
    QString note;
    if (regression && loss == core::LossKind::CrossEntropy) {
        loss_->setCurrentIndex(loss_->findData(static_cast<int>(core::LossKind::Mse)));
        lossPicked_ = true;
        note =
            tr("Mean squared error: this data set is a regression task (cross-entropy "
               "needs classes).");
    } else if (!regression && shape && lossPicked_ && loss == core::LossKind::Mse) {
        loss_->setCurrentIndex(loss_->findData(static_cast<int>(core::LossKind::CrossEntropy)));
        lossPicked_ = false;
        note = tr("Cross-entropy again: this data set has classes.");
    }
    lossNote_->setText(note);
    form()->setRowVisible(lossNote_, !note.isEmpty());
    shape_ = shape;
    refresh();
}

void NetworkPanel::setInitialWeights(const core::NetworkWeights& weights, const QString& source) {
    initialWeights_ = weights;
    weightsSource_ = source;
    refresh();
}

void NetworkPanel::clearInitialWeights() {
    initialWeights_.reset();
    weightsSource_.clear();
    refresh();
}

QString NetworkPanel::weightsError() const {
    if (!initialWeights_ || !shape_) {
        return {};
    }
    const auto parsed = parseHiddenLayers(hidden_->text());
    if (!std::holds_alternative<std::vector<int>>(parsed)) {
        return {};
    }
    std::vector<int> sizes = {shape_->inputs};
    for (const int width : std::get<std::vector<int>>(parsed)) {
        sizes.push_back(width);
    }
    sizes.push_back(shape_->outputs);
    const auto& layers = initialWeights_->layers;
    if (layers.size() + 1 != sizes.size()) {
        return tr("Initial weights: %1 has %2 layers; the network has %3")
            .arg(weightsSource_)
            .arg(layers.size())
            .arg(sizes.size() - 1);
    }
    for (size_t l = 0; l < layers.size(); ++l) {
        const long rows = static_cast<long>(layers[l].weight.rows());
        const long cols = static_cast<long>(layers[l].weight.cols());
        if (rows != sizes[l + 1] || cols != sizes[l] ||
            layers[l].bias.size() != static_cast<Eigen::Index>(sizes[l + 1])) {
            return tr("Initial weights: layer %1 of %2 is %3 x %4; the network needs %5 x %6")
                .arg(l + 1)
                .arg(weightsSource_)
                .arg(rows)
                .arg(cols)
                .arg(sizes[l + 1])
                .arg(sizes[l]);
        }
    }
    return {};
}

QString NetworkPanel::lossError() const {
    const auto loss = static_cast<core::LossKind>(loss_->currentData().toInt());
    if (shape_ && shape_->task == core::Task::Regress && loss == core::LossKind::CrossEntropy) {
        return tr(
            "Loss: cross-entropy needs classes; this data set is a regression task, "
            "use mean squared error");
    }
    return {};
}

void NetworkPanel::refresh() {
    const auto parsed = parseHiddenLayers(hidden_->text());
    const QString* hiddenError = std::get_if<QString>(&parsed);
    markInvalid(hidden_, hiddenError != nullptr ? *hiddenError : QString());
    markInvalid(loss_, lossError());
    const bool uniform =
        static_cast<core::InitScheme>(init_->currentData().toInt()) == core::InitScheme::Uniform;
    form()->setRowVisible(rangeRow_, uniform);
    const bool imported = initialWeights_.has_value();
    init_->setEnabled(!imported);
    low_->setEnabled(!imported);
    high_->setEnabled(!imported);
    fixedBias_->setEnabled(!imported);
    biasValue_->setEnabled(!imported && fixedBias_->isChecked());
    clearWeights_->setVisible(imported);
    weightsLabel_->setText(imported ? tr("weights from %1").arg(weightsSource_)
                                    : tr("random weights"));
    markInvalid(weightsLabel_, weightsError());

    std::vector<int> sizes;
    if (shape_ && hiddenError == nullptr) {
        sizes.push_back(shape_->inputs);
        for (const int width : std::get<std::vector<int>>(parsed)) {
            sizes.push_back(width);
        }
        sizes.push_back(shape_->outputs);
    }
    diagram_->setLayerSizes(sizes);
    notifyChanged();
}

void NetworkPanel::applyTo(core::RunConfig& config) const {
    config.hiddenLayers = std::get<std::vector<int>>(parseHiddenLayers(hidden_->text()));
    config.activation = static_cast<core::Activation>(activation_->currentData().toInt());
    config.loss = static_cast<core::LossKind>(loss_->currentData().toInt());
    core::InitSettings init;
    init.scheme = static_cast<core::InitScheme>(init_->currentData().toInt());
    if (init.scheme == core::InitScheme::Uniform) {
        init.low = *low_->value();
        init.high = *high_->value();
    }
    init.fixedBias = fixedBias_->isChecked();
    if (init.fixedBias) {
        init.biasValue = *biasValue_->value();
    }
    config.init = init;
    config.initialWeights = initialWeights_;
}

void NetworkPanel::setFrom(const core::RunConfig& config) {
    lossPicked_ = false;
    lossNote_->clear();
    form()->setRowVisible(lossNote_, false);
    QStringList widths;
    for (const int width : config.hiddenLayers) {
        widths << QString::number(width);
    }
    const QSignalBlocker blockHidden(hidden_);
    hidden_->setText(widths.join(QLatin1Char(',')));
    for (auto [box, value] : {std::pair{activation_, static_cast<int>(config.activation)},
                              std::pair{loss_, static_cast<int>(config.loss)},
                              std::pair{init_, static_cast<int>(config.init.scheme)}}) {
        const QSignalBlocker block(box);
        box->setCurrentIndex(box->findData(value));
    }
    low_->setNumber(config.init.low);
    high_->setNumber(config.init.high);
    fixedBias_->setChecked(config.init.fixedBias);
    biasValue_->setNumber(config.init.biasValue);
    if (config.initialWeights) {
        initialWeights_ = config.initialWeights;
        if (weightsSource_.isEmpty()) {
            weightsSource_ = tr("a previous run");
        }
    } else {
        initialWeights_.reset();
        weightsSource_.clear();
    }
    refresh();
}

QString NetworkPanel::firstError() const {
    const auto parsed = parseHiddenLayers(hidden_->text());
    if (const QString* error = std::get_if<QString>(&parsed)) {
        return *error;
    }
    if (const QString error = lossError(); !error.isEmpty()) {
        return error;
    }
    const auto scheme = static_cast<core::InitScheme>(init_->currentData().toInt());
    if (!initialWeights_ && scheme == core::InitScheme::Uniform) {
        for (const NumberField* field : {low_, high_}) {
            if (!field->isValid()) {
                return field->error();
            }
        }
        if (!(*low_->value() < *high_->value())) {
            return tr("Range: low must be below high");
        }
    }
    if (!initialWeights_ && fixedBias_->isChecked() && !biasValue_->isValid()) {
        return biasValue_->error();
    }
    return weightsError();
}

}  // namespace lrscope::ui
