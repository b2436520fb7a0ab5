#include <gtest/gtest.h>

#include <random>

#include "core/nn/linalg.hpp"
#include "core/nn/small_product.hpp"

namespace lrscope::core {
namespace {

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& engine) {
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    Matrix m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j) {
        for (Eigen::Index i = 0; i < rows; ++i) {
            m(i, j) = uniform(engine);
        }
    }
    return m;
}

TEST(SmallProduct, TakesTinyLayersAndLeavesWideOnesToBlas) {
    // W1's layers (2-8-8-2, batch 10, evaluation over 500 rows): forward, weight and input
    // gradients.
    EXPECT_TRUE(usesSmallProduct(8, 2, 10, Transpose::No, Transpose::No));
    EXPECT_TRUE(usesSmallProduct(2, 8, 500, Transpose::No, Transpose::No));
    EXPECT_TRUE(usesSmallProduct(8, 10, 8, Transpose::No, Transpose::Yes));
    EXPECT_TRUE(usesSmallProduct(8, 2, 10, Transpose::Yes, Transpose::No));
    // 17 rows, or a wide inner side, is not small.
    EXPECT_FALSE(usesSmallProduct(17, 8, 10, Transpose::No, Transpose::No));
    EXPECT_FALSE(usesSmallProduct(10, 64, 32, Transpose::No, Transpose::No));
    EXPECT_FALSE(usesSmallProduct(10, 32, 64, Transpose::No, Transpose::Yes));
    EXPECT_FALSE(usesSmallProduct(8, 8, 8, Transpose::Yes, Transpose::Yes));
}

TEST(SmallProduct, AddsTheTermsInOrderLikeAPlainLoop) {
    std::mt19937_64 engine(3);
    for (Eigen::Index m = 1; m <= kSmallProductMaxRows; ++m) {
        const Matrix a = randomMatrix(m, 7, engine);
        const Matrix b = randomMatrix(7, 5, engine);
        Matrix c(m, 5);
        smallMultiply(a, Transpose::No, b, Transpose::No, c);
        for (Eigen::Index i = 0; i < m; ++i) {
            for (Eigen::Index j = 0; j < 5; ++j) {
                double sum = a(i, 0) * b(0, j);
                for (Eigen::Index p = 1; p < 7; ++p) {
                    sum += a(i, p) * b(p, j);
                }
                // Equal up to the fused multiply-adds the compiler may use on either side.
                EXPECT_NEAR(c(i, j), sum, 1e-15) << m << " rows, (" << i << ", " << j << ")";
            }
        }
    }
}

TEST(SmallProduct, FusedBiasGivesTheBitsOfProductThenBias) {
    std::mt19937_64 engine(5);
    for (const Eigen::Index rows : {Eigen::Index{2}, Eigen::Index{8}, Eigen::Index{13}}) {
        const Matrix w = randomMatrix(rows, 8, engine);
        const Matrix x = randomMatrix(8, 37, engine);
        const Vector bias = randomMatrix(rows, 1, engine);
        Matrix fused(rows, 37);
        multiplyAddBias(w, x, bias, fused);
        Matrix separate(rows, 37);
        multiply(w, Transpose::No, x, Transpose::No, separate);
        separate.colwise() += bias;
        EXPECT_EQ((fused.array() != separate.array()).count(), 0) << rows << " rows";
    }
}

}  // namespace
}  // namespace lrscope::core
