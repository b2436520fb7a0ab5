#include "ui/views/sweep/sweep_dialog.hpp"

#include <iterator>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/analysis/log_range.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

std::vector<core::RunConfig> sweepConfigs(const core::RunConfig& base,
                                          const SweepRequest& request) {
    std::vector<core::RunConfig> configs;
    const std::vector<double> rates = core::logSpaced(request.minLr, request.maxLr, request.count);
    for (const core::OptimizerKind kind : request.optimizers) {
        for (const double lr : rates) {
            core::RunConfig config = base;
            if (kind != base.optimizer.kind) {
                config.optimizer = core::defaultsFor(kind);
            }
            config.optimizer.lr = lr;
            configs.push_back(std::move(config));
        }
    }
    return configs;
}

SweepDialog::SweepDialog(const SweepRequest& initial, QWidget* parent)
    : QDialog(parent),
      min_(new NumberField(tr("Lowest rate"), NumberField::Kind::Real, 0.0, core::kMaxLearningRate,
                           this)),
      max_(new NumberField(tr("Highest rate"), NumberField::Kind::Real, 0.0, core::kMaxLearningRate,
                           this)),
      count_(new QSpinBox(this)),
      summary_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Sweep learning rates"));
    min_->setBounds(NumberField::Bound::Exclusive, NumberField::Bound::Inclusive);
    max_->setBounds(NumberField::Bound::Exclusive, NumberField::Bound::Inclusive);
    min_->setNumber(initial.minLr);
    max_->setNumber(initial.maxLr);
    count_->setRange(1, 50);
    count_->setValue(initial.count);
    count_->setToolTip(tr("Rates evenly spaced on a log scale from the lowest to the highest"));

    auto* rates = new QFormLayout;
    rates->addRow(tr("Lowest rate"), min_);
    rates->addRow(tr("Highest rate"), max_);
    rates->addRow(tr("Rates (log-spaced)"), count_);

    auto* group = new QGroupBox(tr("Optimizers (each at every rate)"), this);
    auto* grid = new QGridLayout(group);
    int index = 0;
    for (const core::OptimizerKind kind : core::kAllOptimizers) {
        auto* box = new QCheckBox(optimizerLabel(kind), group);
        box->setChecked(std::find(initial.optimizers.begin(), initial.optimizers.end(), kind) !=
                        initial.optimizers.end());
        grid->addWidget(box, index / 4, index % 4);
        optimizers_.push_back(box);
        connect(box, &QCheckBox::toggled, this, &SweepDialog::revalidate);
        ++index;
    }

    auto* note = new QLabel(
        tr("Every run uses the panel's other settings (data, network, batch, epochs, seed); the "
           "panel's optimizer keeps its settings, the others start from torch.optim's defaults."),
        this);
    note->setWordWrap(true);
    summary_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(rates);
    layout->addWidget(group);
    layout->addWidget(note);
    layout->addWidget(summary_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Train sweep"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(min_, &QLineEdit::textChanged, this, &SweepDialog::revalidate);
    connect(max_, &QLineEdit::textChanged, this, &SweepDialog::revalidate);
    connect(count_, &QSpinBox::valueChanged, this, &SweepDialog::revalidate);
    setMinimumWidth(460);
    revalidate();
}

QCheckBox* SweepDialog::optimizerBox(core::OptimizerKind kind) const {
    const auto it =
        std::find(std::begin(core::kAllOptimizers), std::end(core::kAllOptimizers), kind);
    return optimizers_[static_cast<std::size_t>(it - std::begin(core::kAllOptimizers))];
}

std::optional<SweepRequest> SweepDialog::request() const {
    if (!reason().isEmpty()) {
        return std::nullopt;
    }
    SweepRequest request;
    request.minLr = *min_->value();
    request.maxLr = *max_->value();
    request.count = count_->value();
    for (std::size_t i = 0; i < optimizers_.size(); ++i) {
        if (optimizers_[i]->isChecked()) {
            request.optimizers.push_back(core::kAllOptimizers[i]);
        }
    }
    return request;
}

QString SweepDialog::reason() const {
    if (!min_->isValid()) {
        return min_->error();
    }
    if (!max_->isValid()) {
        return max_->error();
    }
    if (*min_->value() > *max_->value()) {
        return tr("The lowest rate %1 is above the highest %2.")
            .arg(compactNumber(*min_->value()), compactNumber(*max_->value()));
    }
    if (count_->value() > 1 && *min_->value() == *max_->value()) {
        return tr("%1 rates need a highest rate above the lowest.").arg(count_->value());
    }
    int chosen = 0;
    for (const QCheckBox* box : optimizers_) {
        chosen += box->isChecked() ? 1 : 0;
    }
    if (chosen == 0) {
        return tr("Choose at least one optimizer.");
    }
    if (chosen * count_->value() > kMaxSweepRuns) {
        return tr("%1 runs; a sweep in the window trains at most %2.")
            .arg(chosen * count_->value())
            .arg(kMaxSweepRuns);
    }
    return {};
}

void SweepDialog::revalidate() {
    const QString why = reason();
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        summary_->setText(
            QStringLiteral("<span style='color:#b00020'>%1</span>").arg(why.toHtmlEscaped()));
        return;
    }
    const auto r = *request();
    const auto rates = core::logSpaced(r.minLr, r.maxLr, r.count);
    QStringList shown;
    for (const double lr : rates) {
        shown << compactNumber(lr, 2);
    }
    summary_->setText(tr("%1 runs: rates %2.")
                          .arg(static_cast<int>(r.optimizers.size()) * r.count)
                          .arg(shown.join(QStringLiteral(", "))));
}

}  // namespace lrscope::ui
