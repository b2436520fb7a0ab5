#pragma once

#include "core/nn/linalg.hpp"

namespace lrscope::core {

// Products whose result has few rows (tiny networks such as 2-8-8-2): the result's column
// is accumulated in vector registers in a fixed order, with no packing and no call into a
// library. Eigen's coefficient-wise product and OpenBLAS both
// cost several times more at these widths (benchmarks/core_linalg_bench.cpp).
inline constexpr Eigen::Index kSmallProductMaxRows = 16;

// True when multiply() uses the small kernel for C[m x n] = op(A) op(B) with inner size k:
// C has at most kSmallProductMaxRows rows and the other small side (k for A*B and A^T*B, the
// result's columns n for A*B^T) is at most that too. A function of the shape only, so a
// product always takes the same path.
bool usesSmallProduct(Eigen::Index m, Eigen::Index k, Eigen::Index n, Transpose ta, Transpose tb);

// C = op(A) * op(B) (+ bias in every column when bias is not null) for a shape
// usesSmallProduct() accepts. Each C(i, j) is the sum over p = 0, 1, ..., k-1 of
// op(A)(i, p) * op(B)(p, j), added in that order, then bias[i].
void smallMultiply(const Eigen::Ref<const Matrix>& a, Transpose ta,
                   const Eigen::Ref<const Matrix>& b, Transpose tb, Eigen::Ref<Matrix> c,
                   const double* bias = nullptr);

}  // namespace lrscope::core
