#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "core/analysis/plane_range.hpp"
#include "core/data/dataset.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

// One sample as the boundary view draws it, in the data's own units. Classification: (x, y)
// are the two features and `label` the class; regression: x is the feature, y the target.
struct BoundaryPoint {
    double x = 0.0;
    double y = 0.0;
    int label = 0;
};

// What the boundary view draws of a run besides its weights: its data (prepared exactly as
// the run prepares it, then shown in the data's units) and how the network sees it.
struct BoundaryData {
    enum class Shape {
        Plane,        // a classifier with 2 inputs: predicted class over the plane
        Curve,        // a regression with 1 input and 1 output: the fitted curve
        Unsupported,  // anything else; `reason` says why nothing is drawn
    };
    Shape shape = Shape::Unsupported;
    QString reason;
    QString xName;
    QString yName;
    QStringList classNames;     // Plane: class i's name
    core::PlaneRange range;     // data units: the samples' range plus 10 % on every side
    core::Vector featureMean;   // the run's standardisation z = (x - mean) / scale;
    core::Vector featureScale;  // empty when features are used as given
    std::vector<BoundaryPoint> train;
    std::vector<BoundaryPoint> test;
    core::Activation activation = core::Activation::Tanh;
    core::LossKind loss = core::LossKind::CrossEntropy;

    // A feature's value as the network gets it (standardised if the run was).
    double toNetwork(int feature, double value) const;
    // The data-unit range of the plot in the network's coordinates.
    core::PlaneRange networkRange() const;
};

// Prepares the run's data as training does (core::prepareData with its spec and seed). A data
// set that cannot be drawn, or cannot be read any more, gives Shape::Unsupported and a reason.
BoundaryData boundaryDataOf(const core::RunConfig& config);

}  // namespace lrscope::ui
