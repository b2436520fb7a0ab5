#include "ui/views/test_input/run_inputs.hpp"

#include <QObject>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

namespace {

// The split's features back in the data's units.
core::Matrix dataUnits(const core::DataSplit& split, const core::Matrix& features) {
    if (split.featureMean.size() == 0) {
        return features;
    }
    return ((features.array().colwise() * split.featureScale.array()).colwise() +
            split.featureMean.array())
        .matrix();
}

}  // namespace

RunInputs runInputsOf(const core::RunConfig& config) {
    RunInputs inputs;
    core::DataSplit split;
    try {
        split = core::prepareData(config.data, config.seed);
    } catch (const core::InputError& error) {
        inputs.reason = QObject::tr("The run's data cannot be read: %1").arg(error.what());
        return inputs;
    }
    inputs.ok = true;
    const core::Dataset& train = split.train;
    inputs.task = train.task;
    inputs.isDigits = config.data.csvPath.empty() && config.data.dataset == "digits";
    for (const std::string& name : train.featureNames) {
        inputs.featureNames.push_back(QString::fromStdString(name));
    }
    if (train.task == core::Task::Classify) {
        for (const std::string& name : train.classNames) {
            inputs.outputNames.push_back(QString::fromStdString(name));
        }
    } else {
        inputs.outputNames.push_back(
            QString::fromStdString(train.targetName.empty() ? "output" : train.targetName));
    }
    inputs.featureMean = split.featureMean;
    inputs.featureScale = split.featureScale;
    const core::Matrix trainUnits = dataUnits(split, train.features);
    inputs.typical = trainUnits.rowwise().mean();
    const core::Dataset& source = split.test.sampleCount() > 0 ? split.test : split.train;
    inputs.samples = dataUnits(split, source.features);
    for (Eigen::Index j = 0; j < source.sampleCount(); ++j) {
        inputs.sampleLabels.push_back(
            source.task == core::Task::Classify
                ? inputs.outputNames.value(source.labels[static_cast<size_t>(j)])
                : compactNumber(source.targets(0, j), 4));
    }
    return inputs;
}

}  // namespace lrscope::ui
