#pragma once

#include <vector>

#include "core/analysis/plane_range.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network_weights.hpp"

namespace lrscope::core {

// What a 2-input classifier predicts over a rectangle of its input plane, for the window's
// decision-boundary view. Cell (column c, row r) covers x in xMin + [c, c + 1] * width /
// columns and y in yMin + [r, r + 1] * height / rows (row 0 at the bottom) and is evaluated at
// its centre. Index of a cell: r * columns + c.
struct DecisionGrid {
    PlaneRange range;
    int columns = 0;
    int rows = 0;
    std::vector<int> predicted;      // arg-max class (first maximum)
    std::vector<double> confidence;  // the predicted class's probability

    PlanePoint cellCentre(int column, int row) const;
};

// The whole grid goes through the network in one batched forward pass. Confidence is the
// softmax probability for cross_entropy; for mse (trained on one-hot targets, so an output
// estimates its class's indicator) it is the winning output clamped to [0, 1]. Inputs are in
// the network's own coordinates (standardised, if it was trained so). Throws InputError
// unless the network has 2 inputs and at least 2 outputs, the range is finite and non-empty
// and columns, rows >= 1.
DecisionGrid decisionGrid(const NetworkWeights& weights, Activation hidden, LossKind loss,
                          PlaneRange range, int columns, int rows);

// A 1-input, 1-output regression network's curve at `points` evenly spaced x from xMin to
// xMax inclusive (points >= 2), in one batched forward pass. Throws InputError otherwise.
struct FittedCurve {
    std::vector<double> x;
    std::vector<double> y;
};
FittedCurve fittedCurve(const NetworkWeights& weights, Activation hidden, double xMin, double xMax,
                        int points);

}  // namespace lrscope::core
