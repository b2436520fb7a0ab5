#include "ui/panels/training_panel.hpp"

#include <QCheckBox>
#include <QFormLayout>

#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

constexpr double kMaxSeed = 9007199254740992.0;  // 2^53: every seed survives a round trip
constexpr double kMaxBatch = 100'000'000.0;

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : SettingsGroup(tr("Training (next run)"), parent),
      batchSize_(new NumberField(tr("batch size"), NumberField::Kind::Integer, 0, kMaxBatch, this)),
      epochs_(new NumberField(tr("epochs"), NumberField::Kind::Integer, 1, core::kMaxEpochs, this)),
      seed_(new NumberField(tr("seed"), NumberField::Kind::Integer, 0, kMaxSeed, this)),
      shuffle_(new QCheckBox(tr("Shuffle every epoch"), this)) {
    batchSize_->setPlaceholderText(tr("0 = full batch"));
    setHelpText(batchSize_, tr("Samples per optimizer step; 0 = the whole training split."));
    setHelpText(epochs_, tr("Passes over the training split."));
    setHelpText(seed_, tr("Seeds the data, the split, the initial weights and the shuffling: "
                          "the same settings and seed give the same curve."));
    setHelpText(shuffle_, tr("Visit the training rows in a new random order every epoch."));
    QFormLayout* f = form();
    addSettingRow("batch-size", tr("Batch size"), batchSize_);
    addSettingRow("epochs", tr("Epochs"), epochs_);
    addSettingRow("seed", tr("Seed"), seed_);
    f->addRow(shuffle_);
    nameSetting("shuffle", shuffle_->text());
    for (NumberField* field : {batchSize_, epochs_, seed_}) {
        connect(field, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    }
    connect(shuffle_, &QCheckBox::toggled, this, [this] { notifyChanged(); });
    const core::RunConfig defaults;
    setFrom(defaults);
}

void TrainingPanel::applyTo(core::RunConfig& config) const {
    config.batchSize = batchSize_->integerValue();
    config.epochs = static_cast<int>(epochs_->integerValue());
    config.seed = static_cast<std::uint64_t>(seed_->integerValue());
    config.shuffle = shuffle_->isChecked();
}

void TrainingPanel::setFrom(const core::RunConfig& config) {
    batchSize_->setInteger(config.batchSize);
    epochs_->setInteger(config.epochs);
    seed_->setInteger(static_cast<long>(config.seed));
    shuffle_->setChecked(config.shuffle);
    notifyChanged();
}

QString TrainingPanel::firstError() const {
    for (const NumberField* field : {batchSize_, epochs_, seed_}) {
        if (!field->isValid()) {
            return field->error();
        }
    }
    return {};
}

}  // namespace lrscope::ui
