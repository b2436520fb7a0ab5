#include "core/nn/small_product.hpp"

#include <array>
#include <cassert>
#include <cstddef>
#include <utility>

namespace lrscope::core {

namespace {

using Index = Eigen::Index;

// Where op(B)(p, j) lives: b[p * pStride + j * jStride].
struct Strided {
    const double* data;
    Index pStride;
    Index jStride;
};

// C[M x n] = A[M x k] * op(B)[k x n], A column-major with leading dimension lda. M is fixed so
// that the compiler keeps a column of C in vector registers across the whole k loop.
template <std::size_t M>
void multiplyRows(const double* a, Index lda, Strided b, Index k, Index n, const double* bias,
                  double* c, Index ldc) {
    // Eigen's fixed-size column: whole vector registers along i (a plain loop over i is
    // vectorised along p by GCC, with shuffles).
    using Column = Eigen::Matrix<double, static_cast<int>(M), 1>;
    using ColumnMap = Eigen::Map<const Column>;
    for (Index j = 0; j < n; ++j) {
        const double* bj = b.data + j * b.jStride;
        Column acc = ColumnMap(a) * bj[0];
        for (Index p = 1; p < k; ++p) {
            acc += ColumnMap(a + p * lda) * bj[p * b.pStride];
        }
        if (bias != nullptr) {
            acc += ColumnMap(bias);  // after the sum, as an unfused C += bias would add it
        }
        Eigen::Map<Column>(c + j * ldc) = acc;
    }
}

using RowsKernel = void (*)(const double*, Index, Strided, Index, Index, const double*, double*,
                            Index);

template <std::size_t... Ms>
constexpr std::array<RowsKernel, sizeof...(Ms)> makeKernels(std::index_sequence<Ms...>) {
    return {&multiplyRows<Ms + 1>...};
}

// kKernels[m - 1] computes products with m rows.
constexpr auto kKernels =
    makeKernels(std::make_index_sequence<static_cast<std::size_t>(kSmallProductMaxRows)>{});

}  // namespace

bool usesSmallProduct(Index m, Index k, Index n, Transpose ta, Transpose tb) {
    if (m < 1 || m > kSmallProductMaxRows) {
        return false;
    }
    if (tb == Transpose::No) {
        return k <= kSmallProductMaxRows;  // A^T is copied into a small buffer when ta is Yes
    }
    return ta == Transpose::No && n <= kSmallProductMaxRows;
}

void smallMultiply(const Eigen::Ref<const Matrix>& a, Transpose ta,
                   const Eigen::Ref<const Matrix>& b, Transpose tb, Eigen::Ref<Matrix> c,
                   const double* bias) {
    const Index m = c.rows();
    const Index n = c.cols();
    const Index k = tb == Transpose::Yes ? b.cols() : b.rows();
    assert(usesSmallProduct(m, k, n, ta, tb));
    const Strided opB = tb == Transpose::Yes ? Strided{b.data(), b.outerStride(), 1}
                                             : Strided{b.data(), 1, b.outerStride()};
    const RowsKernel kernel = kKernels[static_cast<std::size_t>(m - 1)];
    if (ta == Transpose::No) {
        kernel(a.data(), a.outerStride(), opB, k, n, bias, c.data(), c.outerStride());
        return;
    }
    // A is [k x m]: its transpose, [m x k] with k <= kSmallProductMaxRows, fits on the stack.
    double transposed[kSmallProductMaxRows * kSmallProductMaxRows];
    for (Index p = 0; p < k; ++p) {
        for (Index i = 0; i < m; ++i) {
            transposed[p * m + i] = a(p, i);
        }
    }
    kernel(transposed, m, opB, k, n, bias, c.data(), c.outerStride());
}

}  // namespace lrscope::core
