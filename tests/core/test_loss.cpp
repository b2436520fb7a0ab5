#include <gtest/gtest.h>

#include <cmath>

#include "core/base/errors.hpp"
#include "core/nn/loss.hpp"

namespace lrscope::core {
namespace {

TEST(Loss, MseIsTheMeanOverBatchAndOutputs) {
    Matrix outputs(2, 2);
    outputs << 1.0, 0.0,  //
        2.0, 4.0;
    Matrix targets(2, 2);
    targets << 0.0, 0.0,  //
        0.0, 1.0;
    TargetsView view;
    view.values = &targets;
    // (1 + 0 + 4 + 9) / 4
    EXPECT_DOUBLE_EQ(computeLoss(LossKind::Mse, outputs, view), 3.5);
}

TEST(Loss, MseWithLabelsUsesOneHotTargets) {
    Matrix outputs(3, 1);
    outputs << 0.5, 0.25, 1.0;
    const int label = 2;
    TargetsView view;
    view.labels = &label;
    // ((0.5)^2 + (0.25)^2 + 0^2) / 3
    EXPECT_DOUBLE_EQ(computeLoss(LossKind::Mse, outputs, view), (0.25 + 0.0625) / 3.0);
}

TEST(Loss, CrossEntropyMatchesTheDefinition) {
    Matrix outputs(3, 2);
    outputs << 1.0, -1.0,  //
        2.0, 0.0,          //
        3.0, 5.0;
    const int labels[] = {0, 2};
    TargetsView view;
    view.labels = labels;
    const double first = -std::log(std::exp(1.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0)));
    const double second =
        -std::log(std::exp(5.0) / (std::exp(-1.0) + std::exp(0.0) + std::exp(5.0)));
    EXPECT_NEAR(computeLoss(LossKind::CrossEntropy, outputs, view), (first + second) / 2, 1e-15);
}

TEST(Loss, CrossEntropyStaysFiniteForHugeLogits) {
    Matrix outputs(2, 1);
    outputs << 1000.0, -1000.0;
    const int label = 1;
    TargetsView view;
    view.labels = &label;
    Matrix grad;
    const double value = lossAndGradient(LossKind::CrossEntropy, outputs, view, grad);
    EXPECT_DOUBLE_EQ(value, 2000.0);
    EXPECT_TRUE(grad.allFinite());
    EXPECT_DOUBLE_EQ(grad(0, 0), 1.0);
    EXPECT_DOUBLE_EQ(grad(1, 0), -1.0);
}

TEST(Loss, MisclassifiedCountsArgMaxWithFirstMaximumWinning) {
    Matrix outputs(2, 3);
    outputs << 1.0, 0.0, 2.0,  //
        1.0, 3.0, 1.0;
    const int labels[] = {0, 0, 0};
    // Column 0 ties and picks class 0 (correct); column 1 picks 1; column 2 picks 0.
    EXPECT_EQ(countMisclassified(outputs, labels), 1);
}

TEST(Loss, ParsesNamesAndRejectsOthers) {
    EXPECT_EQ(parseLoss("mse"), LossKind::Mse);
    EXPECT_EQ(parseLoss("cross_entropy"), LossKind::CrossEntropy);
    try {
        parseLoss("hinge");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "--loss: unknown loss 'hinge'; expected mse or cross_entropy");
    }
}

}  // namespace
}  // namespace lrscope::core
