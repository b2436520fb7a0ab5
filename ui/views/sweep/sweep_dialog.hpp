#pragma once

#include <vector>

#include <QDialog>

#include "core/optim/optimizer.hpp"
#include "core/training/run_config.hpp"

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace lrscope::ui {

class NumberField;

// What a sweep trains: every chosen optimizer at every rate.
struct SweepRequest {
    std::vector<core::OptimizerKind> optimizers;
    double minLr = 1e-4;
    double maxLr = 1.0;
    int count = 9;
};

inline constexpr int kMaxSweepRuns = 100;

// The runs of a sweep, in the order optimizers x rates (as `lrscope-cli sweep` orders them):
// `base` with each optimizer (the base's own settings for its optimizer, torch.optim's
// defaults for the others) at each of the log-spaced rates. The request must be valid.
std::vector<core::RunConfig> sweepConfigs(const core::RunConfig& base, const SweepRequest& request);

// Sweep...: the rate range (min, max, number of log-spaced points) and the optimizers. OK is
// enabled only for a valid request, and a line says how many runs it makes or why not.
class SweepDialog : public QDialog {
    Q_OBJECT
public:
    SweepDialog(const SweepRequest& initial, QWidget* parent = nullptr);

    // The request as entered; nullopt with reason() while it is invalid.
    std::optional<SweepRequest> request() const;
    QString reason() const;

    NumberField* minField() const { return min_; }
    NumberField* maxField() const { return max_; }
    QSpinBox* countBox() const { return count_; }
    QCheckBox* optimizerBox(core::OptimizerKind kind) const;

private:
    void revalidate();

    NumberField* min_;
    NumberField* max_;
    QSpinBox* count_;
    std::vector<QCheckBox*> optimizers_;  // in the order of core::kAllOptimizers
    QLabel* summary_;
    QDialogButtonBox* buttons_;
};

}  // namespace lrscope::ui
