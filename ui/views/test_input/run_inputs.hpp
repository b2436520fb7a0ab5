#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "core/data/dataset.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

// What "Test with input" needs of a run's data, prepared as training prepared it: the
// features' names, the classes, the standardisation training applied, and the test samples
// in the data's own units (to start from a real sample).
struct RunInputs {
    bool ok = false;
    QString reason;  // !ok: why the data cannot be read
    bool isDigits = false;
    core::Task task = core::Task::Classify;
    QStringList featureNames;
    QStringList outputNames;   // class names, or the regression target's name
    core::Vector featureMean;  // empty: inputs used as given
    core::Vector featureScale;
    core::Vector typical;  // the training split's mean of each feature, in data units
    core::Matrix samples;  // [features x n]: the test split (the train split if it is empty)
    std::vector<QString> sampleLabels;  // each sample's class name or target value
};

RunInputs runInputsOf(const core::RunConfig& config);

}  // namespace lrscope::ui
