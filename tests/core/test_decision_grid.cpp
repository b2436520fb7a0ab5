#include "core/analysis/decision_grid.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

// One linear layer, 2 inputs -> 2 logits: z0 = 0, z1 = x - 2y + 0.5. Class 1 wins exactly where
// x - 2y + 0.5 > 0, and softmax's winning probability is the logistic of |x - 2y + 0.5|.
NetworkWeights lineClassifier() {
    NetworkWeights weights;
    weights.layers.push_back(
        {(Matrix(2, 2) << 0, 0, 1, -2).finished(), (Vector(2) << 0, 0.5).finished()});
    return weights;
}

double margin(PlanePoint p) {
    return p.x - 2.0 * p.y + 0.5;
}

TEST(DecisionGrid, CellCentresTileTheRangeRowByRowFromTheBottom) {
    const DecisionGrid grid = decisionGrid(lineClassifier(), Activation::Tanh,
                                           LossKind::CrossEntropy, {0.0, 4.0, -3.0, 0.0}, 4, 3);
    ASSERT_EQ(grid.predicted.size(), 12u);
    EXPECT_DOUBLE_EQ(grid.cellCentre(0, 0).x, 0.5);
    EXPECT_DOUBLE_EQ(grid.cellCentre(0, 0).y, -2.5);
    EXPECT_DOUBLE_EQ(grid.cellCentre(3, 2).x, 3.5);
    EXPECT_DOUBLE_EQ(grid.cellCentre(3, 2).y, -0.5);
}

TEST(DecisionGrid, ALinearClassifiersBoundaryIsItsLine) {
    const int columns = 40;
    const int rows = 30;
    // No cell centre lies on the line: x - 2y + 0.5 is a multiple of 0.05 plus 0.025 there.
    const DecisionGrid grid =
        decisionGrid(lineClassifier(), Activation::Tanh, LossKind::CrossEntropy,
                     {-2.0, 2.0, -1.5, 1.5}, columns, rows);
    int classOne = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const PlanePoint p = grid.cellCentre(c, r);
            const auto i = static_cast<size_t>(r * columns + c);
            const double d = margin(p);
            EXPECT_EQ(grid.predicted[i], d > 0.0 ? 1 : 0) << p.x << ", " << p.y;
            EXPECT_NEAR(grid.confidence[i], 1.0 / (1.0 + std::exp(-std::abs(d))), 1e-15);
            EXPECT_GE(grid.confidence[i], 0.5);
            classOne += grid.predicted[i];
        }
    }
    EXPECT_GT(classOne, 0);
    EXPECT_LT(classOne, columns * rows) << "the line crosses the range, so both classes appear";
}

TEST(DecisionGrid, MseConfidenceIsTheWinningOutputClampedToOne) {
    // Outputs (0.25, 3x): class 1 wins where 3x > 0.25.
    NetworkWeights weights;
    weights.layers.push_back(
        {(Matrix(2, 2) << 0, 0, 3, 0).finished(), (Vector(2) << 0.25, 0).finished()});
    const DecisionGrid grid =
        decisionGrid(weights, Activation::Tanh, LossKind::Mse, {-1.0, 1.0, 0.0, 1.0}, 4, 1);
    // Centres x = -0.75, -0.25, 0.25, 0.75.
    EXPECT_EQ(grid.predicted, (std::vector<int>{0, 0, 1, 1}));
    EXPECT_EQ(grid.confidence, (std::vector<double>{0.25, 0.25, 0.75, 1.0}));
}

TEST(DecisionGrid, HiddenLayersUseTheGivenActivation) {
    // 2 -> 1 (relu) -> 2: the hidden unit is relu(x); logits (h, 0.5). With tanh, h = tanh(x)
    // never exceeds 1, so x = 3 would still be class 0 if 0.5 were replaced by 1.5.
    NetworkWeights weights;
    weights.layers.push_back({(Matrix(1, 2) << 1, 0).finished(), (Vector(1) << 0).finished()});
    weights.layers.push_back({(Matrix(2, 1) << 1, 0).finished(), (Vector(2) << 0, 1.5).finished()});
    const PlaneRange range{2.5, 3.5, 0.0, 1.0};
    EXPECT_EQ(decisionGrid(weights, Activation::Relu, LossKind::CrossEntropy, range, 1, 1)
                  .predicted.front(),
              0);
    EXPECT_EQ(decisionGrid(weights, Activation::Tanh, LossKind::CrossEntropy, range, 1, 1)
                  .predicted.front(),
              1);
}

TEST(DecisionGrid, RejectsWhatItCannotDraw) {
    NetworkWeights threeInputs;
    threeInputs.layers.push_back({Matrix::Ones(2, 3), Vector::Zero(2)});
    EXPECT_THROW(decisionGrid(threeInputs, Activation::Tanh, LossKind::CrossEntropy, {}, 10, 10),
                 InputError);
    EXPECT_THROW(decisionGrid(lineClassifier(), Activation::Tanh, LossKind::CrossEntropy,
                              {1.0, 1.0, 0.0, 1.0}, 10, 10),
                 InputError);
    EXPECT_THROW(decisionGrid(lineClassifier(), Activation::Tanh, LossKind::CrossEntropy,
                              {0.0, 1.0, 0.0, NAN}, 10, 10),
                 InputError);
    EXPECT_THROW(
        decisionGrid(lineClassifier(), Activation::Tanh, LossKind::CrossEntropy, {}, 0, 10),
        InputError);
}

TEST(FittedCurve, ALinearNetworkGivesItsLineFromEndToEnd) {
    NetworkWeights weights;  // y = 3x - 1
    weights.layers.push_back({(Matrix(1, 1) << 3).finished(), (Vector(1) << -1).finished()});
    const FittedCurve curve = fittedCurve(weights, Activation::Tanh, -1.0, 1.0, 5);
    EXPECT_EQ(curve.x, (std::vector<double>{-1.0, -0.5, 0.0, 0.5, 1.0}));
    EXPECT_EQ(curve.y, (std::vector<double>{-4.0, -2.5, -1.0, 0.5, 2.0}));
    EXPECT_EQ(fittedCurve(weights, Activation::Tanh, 0.1, 0.7, 3).x.back(), 0.7);
    EXPECT_THROW(fittedCurve(lineClassifier(), Activation::Tanh, 0.0, 1.0, 5), InputError);
    EXPECT_THROW(fittedCurve(weights, Activation::Tanh, 0.0, 1.0, 1), InputError);
}

}  // namespace
}  // namespace lrscope::core
