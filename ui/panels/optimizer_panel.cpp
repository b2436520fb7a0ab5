#include "ui/panels/optimizer_panel.hpp"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

#include "core/base/number_format.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

using Kind = core::OptimizerKind;

NumberField* realField(const QString& name, double low, double high, QWidget* parent) {
    return new NumberField(name, NumberField::Kind::Real, low, high, parent);
}

}  // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : SettingsGroup(tr("Optimizer (next run)"), parent),
      optimizer_(new QComboBox(this)),
      defaultLr_(new QLabel(this)),
      momentum_(realField(tr("momentum"), 0, 1, this)),
      dampening_(realField(tr("dampening"), 0, 1, this)),
      rho_(realField(tr("rho"), 0, 1, this)),
      alpha_(realField(tr("alpha"), 0, 1, this)),
      beta1_(realField(tr("beta1"), 0, 1, this)),
      beta2_(realField(tr("beta2"), 0, 1, this)),
      eps_(realField(tr("eps"), 0, 1, this)),
      lrDecay_(realField(tr("lr decay"), 0, 1e6, this)),
      initialAccumulator_(realField(tr("initial accumulator"), 0, 1e6, this)),
      weightDecay_(realField(tr("weight decay"), 0, 1e3, this)),
      centered_(new QCheckBox(tr("Centered"), this)),
      amsgrad_(new QCheckBox(tr("AMSGrad"), this)) {
    momentum_->setBounds(NumberField::Bound::Inclusive, NumberField::Bound::Exclusive);
    beta1_->setBounds(NumberField::Bound::Inclusive, NumberField::Bound::Exclusive);
    beta2_->setBounds(NumberField::Bound::Inclusive, NumberField::Bound::Exclusive);
    for (const Kind kind : core::kAllOptimizers) {
        optimizer_->addItem(
            QString::fromUtf8(core::optimizerDisplayName(kind).data(),
                              static_cast<qsizetype>(core::optimizerDisplayName(kind).size())),
            static_cast<int>(kind));
    }
    setHelpText(optimizer_, tr("Update rule, as defined by torch.optim. Changing it fills "
                               "the fields below with PyTorch's defaults."));
    setHelpText(momentum_, tr("Momentum factor (SGD momentum / RMSprop momentum)."));
    setHelpText(dampening_, tr("Dampening for momentum (torch.optim.SGD)."));
    setHelpText(rho_, tr("Decay of the running average of squared gradients (Adadelta)."));
    setHelpText(alpha_, tr("Smoothing constant (RMSprop)."));
    setHelpText(beta1_, tr("Decay of the first-moment estimate."));
    setHelpText(beta2_, tr("Decay of the second-moment estimate."));
    setHelpText(eps_, tr("Term added to the denominator for numerical stability."));
    setHelpText(lrDecay_, tr("Learning-rate decay per step (Adagrad)."));
    setHelpText(initialAccumulator_, tr("Starting value of the squared-gradient sums."));
    setHelpText(weightDecay_, tr("L2 penalty added to the gradient (AdamW: decoupled decay)."));
    setHelpText(centered_, tr("Normalise by an estimate of the gradient's variance."));
    setHelpText(amsgrad_, tr("Use the maximum of past second moments (AMSGrad variant)."));
    QFont small = defaultLr_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    defaultLr_->setFont(small);
    defaultLr_->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    QFormLayout* f = form();
    addSettingRow("optimizer", tr("Optimizer"), optimizer_);
    f->addRow(defaultLr_);
    addSettingRow("momentum", tr("Momentum"), momentum_);
    addSettingRow("dampening", tr("Dampening"), dampening_);
    addSettingRow("rho", tr("Rho"), rho_);
    addSettingRow("alpha", tr("Alpha"), alpha_);
    addSettingRow("beta1", tr("Beta1"), beta1_);
    addSettingRow("beta2", tr("Beta2"), beta2_);
    addSettingRow("eps", tr("Eps"), eps_);
    addSettingRow("lr-decay", tr("Lr decay"), lrDecay_);
    addSettingRow("initial-accumulator", tr("Initial accumulator"), initialAccumulator_);
    addSettingRow("weight-decay", tr("Weight decay"), weightDecay_);
    f->addRow(centered_);
    f->addRow(amsgrad_);

    connect(optimizer_, &QComboBox::activated, this,
            [this] { setKind(static_cast<Kind>(optimizer_->currentData().toInt())); });
    for (NumberField* field : {momentum_, dampening_, rho_, alpha_, beta1_, beta2_, eps_, lrDecay_,
                               initialAccumulator_, weightDecay_}) {
        connect(field, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    }
    connect(centered_, &QCheckBox::toggled, this, [this] { notifyChanged(); });
    connect(amsgrad_, &QCheckBox::toggled, this, [this] { notifyChanged(); });
    setKind(Kind::Sgd);
}

core::OptimizerKind OptimizerPanel::kind() const {
    return static_cast<Kind>(optimizer_->currentData().toInt());
}

void OptimizerPanel::setKind(core::OptimizerKind kind) {
    showSettings(core::defaultsFor(kind));
}

std::vector<QWidget*> OptimizerPanel::fieldsFor(core::OptimizerKind kind) const {
    switch (kind) {
        case Kind::Sgd:
            return {weightDecay_};
        case Kind::Momentum:
            return {momentum_, dampening_, weightDecay_};
        case Kind::Nesterov:
            return {momentum_, weightDecay_};
        case Kind::Adagrad:
            return {lrDecay_, initialAccumulator_, eps_, weightDecay_};
        case Kind::Adadelta:
            return {rho_, eps_, weightDecay_};
        case Kind::RmsProp:
            return {alpha_, eps_, momentum_, centered_, weightDecay_};
        case Kind::Adam:
        case Kind::AdamW:
            return {beta1_, beta2_, eps_, weightDecay_, amsgrad_};
    }
    return {};
}

void OptimizerPanel::showSettings(const core::OptimizerSettings& s) {
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(s.kind)));
    momentum_->setNumber(s.momentum);
    dampening_->setNumber(s.dampening);
    rho_->setNumber(s.rho);
    alpha_->setNumber(s.alpha);
    beta1_->setNumber(s.beta1);
    beta2_->setNumber(s.beta2);
    eps_->setNumber(s.eps);
    lrDecay_->setNumber(s.lrDecay);
    initialAccumulator_->setNumber(s.initialAccumulator);
    weightDecay_->setNumber(s.weightDecay);
    centered_->setChecked(s.centered);
    amsgrad_->setChecked(s.amsgrad);
    const std::vector<QWidget*> used = fieldsFor(s.kind);
    for (QWidget* field :
         {static_cast<QWidget*>(momentum_), static_cast<QWidget*>(dampening_),
          static_cast<QWidget*>(rho_), static_cast<QWidget*>(alpha_), static_cast<QWidget*>(beta1_),
          static_cast<QWidget*>(beta2_), static_cast<QWidget*>(eps_),
          static_cast<QWidget*>(lrDecay_), static_cast<QWidget*>(initialAccumulator_),
          static_cast<QWidget*>(weightDecay_), static_cast<QWidget*>(centered_),
          static_cast<QWidget*>(amsgrad_)}) {
        form()->setRowVisible(field, std::find(used.begin(), used.end(), field) != used.end());
    }
    defaultLr_->setText(
        tr("PyTorch's default rate for %1 is %2.")
            .arg(optimizer_->currentText(),
                 QString::fromStdString(core::formatNumber(core::defaultsFor(s.kind).lr))));
    notifyChanged();
}

void OptimizerPanel::applyTo(core::RunConfig& config) const {
    const double lr = config.optimizer.lr;
    core::OptimizerSettings s = core::defaultsFor(kind());
    s.lr = lr;
    s.momentum = momentum_->value().value_or(s.momentum);
    s.dampening = dampening_->value().value_or(s.dampening);
    s.rho = rho_->value().value_or(s.rho);
    s.alpha = alpha_->value().value_or(s.alpha);
    s.beta1 = beta1_->value().value_or(s.beta1);
    s.beta2 = beta2_->value().value_or(s.beta2);
    s.eps = eps_->value().value_or(s.eps);
    s.lrDecay = lrDecay_->value().value_or(s.lrDecay);
    s.initialAccumulator = initialAccumulator_->value().value_or(s.initialAccumulator);
    s.weightDecay = weightDecay_->value().value_or(s.weightDecay);
    s.centered = centered_->isChecked();
    s.amsgrad = amsgrad_->isChecked();
    config.optimizer = s;
}

void OptimizerPanel::setFrom(const core::RunConfig& config) {
    showSettings(config.optimizer);
}

QString OptimizerPanel::firstError() const {
    for (QWidget* widget : fieldsFor(kind())) {
        if (const auto* field = qobject_cast<const NumberField*>(widget)) {
            if (!field->isValid()) {
                return field->error();
            }
        }
    }
    return {};
}

}  // namespace lrscope::ui
