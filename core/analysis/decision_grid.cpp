#include "core/analysis/decision_grid.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/analysis/prediction.hpp"
#include "core/base/errors.hpp"

namespace lrscope::core {

namespace {

// Evenly spaced points: t-th of `count` between low and high, at offset 0.5 for cell centres
// and 0 for inclusive end points.
double spaced(double low, double high, int index, int count, double offset) {
    return low +
           (high - low) * ((static_cast<double>(index) + offset) / static_cast<double>(count));
}

void requireFiniteInterval(double low, double high, const std::string& what) {
    if (!(std::isfinite(low) && std::isfinite(high) && low < high)) {
        throw InputError(what + " must be finite with minimum < maximum");
    }
}

}  // namespace

PlanePoint DecisionGrid::cellCentre(int column, int row) const {
    return {spaced(range.xMin, range.xMax, column, columns, 0.5),
            spaced(range.yMin, range.yMax, row, rows, 0.5)};
}

DecisionGrid decisionGrid(const NetworkWeights& weights, Activation hidden, LossKind loss,
                          PlaneRange range, int columns, int rows) {
    const Network network = networkFromWeights(weights, hidden);
    if (network.inputSize() != 2 || network.outputSize() < 2) {
        throw InputError(
            "a decision grid needs a classifier with 2 inputs and at least 2 "
            "outputs; this network has " +
            std::to_string(network.inputSize()) + " inputs and " +
            std::to_string(network.outputSize()) + " outputs");
    }
    requireFiniteInterval(range.xMin, range.xMax, "the grid's x range");
    requireFiniteInterval(range.yMin, range.yMax, "the grid's y range");
    if (columns < 1 || rows < 1) {
        throw InputError("a decision grid needs at least 1 x 1 cells");
    }

    DecisionGrid grid;
    grid.range = range;
    grid.columns = columns;
    grid.rows = rows;
    const Eigen::Index cells = static_cast<Eigen::Index>(columns) * rows;
    Matrix inputs(2, cells);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const PlanePoint centre = grid.cellCentre(c, r);
            inputs(0, static_cast<Eigen::Index>(r) * columns + c) = centre.x;
            inputs(1, static_cast<Eigen::Index>(r) * columns + c) = centre.y;
        }
    }
    const Predictions result = predict(network, LossKind::CrossEntropy, inputs);
    grid.predicted = result.predicted;
    grid.confidence.resize(static_cast<size_t>(cells));
    for (Eigen::Index i = 0; i < cells; ++i) {
        const auto best = static_cast<Eigen::Index>(grid.predicted[static_cast<size_t>(i)]);
        grid.confidence[static_cast<size_t>(i)] =
            loss == LossKind::CrossEntropy ? result.probabilities(best, i)
                                           : std::clamp(result.outputs(best, i), 0.0, 1.0);
    }
    return grid;
}

FittedCurve fittedCurve(const NetworkWeights& weights, Activation hidden, double xMin, double xMax,
                        int points) {
    const Network network = networkFromWeights(weights, hidden);
    if (network.inputSize() != 1 || network.outputSize() != 1) {
        throw InputError(
            "a fitted curve needs a regression network with 1 input and 1 output; "
            "this network has " +
            std::to_string(network.inputSize()) + " inputs and " +
            std::to_string(network.outputSize()) + " outputs");
    }
    requireFiniteInterval(xMin, xMax, "the curve's x range");
    if (points < 2) {
        throw InputError("a fitted curve needs at least 2 points");
    }
    FittedCurve curve;
    Matrix inputs(1, points);
    for (int i = 0; i < points; ++i) {
        // The last point is xMax exactly, not xMin plus a rounded width.
        inputs(0, i) = i == points - 1 ? xMax : spaced(xMin, xMax, i, points - 1, 0.0);
    }
    const Matrix outputs = network.predict(inputs);
    curve.x.assign(inputs.data(), inputs.data() + points);
    curve.y.assign(outputs.data(), outputs.data() + points);
    return curve;
}

}  // namespace lrscope::core
