#pragma once

#include <string>
#include <vector>

#include "core/nn/linalg.hpp"

namespace lrscope::core {

enum class Task { Classify, Regress };

// Samples as columns. Classification keeps one label per sample (0..K-1) and the class names
// in label order; regression keeps a [1 x n] target matrix.
struct Dataset {
    Task task = Task::Classify;
    Matrix features;          // [features x samples]
    std::vector<int> labels;  // classification
    Matrix targets;           // regression: [outputs x samples]
    std::vector<std::string> featureNames;
    std::vector<std::string> classNames;  // classification: label i is class_names[i]
    std::string targetName;

    Eigen::Index sampleCount() const { return features.cols(); }
    int featureCount() const { return static_cast<int>(features.rows()); }
    // Classification: number of classes; regression: number of target outputs.
    int outputCount() const;
};

// What a data set gives a network, known without generating or converting its samples
// (see dataShape() in data_spec.hpp).
struct DataShape {
    int inputs = 0;
    int outputs = 0;  // classes, or target outputs for regression
    long rows = 0;    // samples, before any split
    Task task = Task::Classify;
};

struct DataSplit {
    Dataset train;
    Dataset test;  // may hold no samples (test fraction 0)
    // The standardisation applied to both splits' features, z = (x - featureMean) /
    // featureScale, kept so a saved model can prepare new inputs the same way. Empty when the
    // features are used as given.
    Vector featureMean;
    Vector featureScale;
};

}  // namespace lrscope::core
