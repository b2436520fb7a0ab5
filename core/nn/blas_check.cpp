#include "core/nn/blas_check.hpp"

#include <cmath>
#include <limits>

#include "core/base/random.hpp"
#include "core/nn/linalg.hpp"

namespace lrscope::core {

namespace {

struct Shape {
    int m, n, k;
};

// Below and above OpenBLAS's small-matrix and blocking limits (its GEMM_P/GEMM_Q block sizes
// are a few hundred), with sizes that are no multiple of any unrolling.
constexpr Shape kShapes[] = {{17, 13, 19}, {70, 33, 45}, {203, 71, 419}};

// Leading dimensions larger than the rows, as for blocks of a bigger matrix.
constexpr int kPadding = 3;

Matrix operand(int rows, int cols, Rng& rng) {
    Matrix m(rows + kPadding, cols);
    for (double& x : m.reshaped()) {
        x = rng.uniform(-1.0, 1.0);
    }
    return m;
}

bool agrees(CblasDgemm dgemm, const Shape& s, bool transA, bool transB, Rng& rng) {
    const Matrix a = transA ? operand(s.k, s.m, rng) : operand(s.m, s.k, rng);
    const Matrix b = transB ? operand(s.n, s.k, rng) : operand(s.k, s.n, rng);
    const auto opA = a.topRows(a.rows() - kPadding);
    const auto opB = b.topRows(b.rows() - kPadding);
    Matrix expected(s.m, s.n);
    Matrix bound(s.m, s.n);
    if (transA && transB) {
        expected.noalias() = opA.transpose() * opB.transpose();
        bound.noalias() = opA.cwiseAbs().transpose() * opB.cwiseAbs().transpose();
    } else if (transA) {
        expected.noalias() = opA.transpose() * opB;
        bound.noalias() = opA.cwiseAbs().transpose() * opB.cwiseAbs();
    } else if (transB) {
        expected.noalias() = opA * opB.transpose();
        bound.noalias() = opA.cwiseAbs() * opB.cwiseAbs().transpose();
    } else {
        expected.noalias() = opA * opB;
        bound.noalias() = opA.cwiseAbs() * opB.cwiseAbs();
    }
    // A NaN background shows any element the kernel leaves unwritten; beta 0 must ignore it.
    Matrix c = Matrix::Constant(s.m + kPadding, s.n, std::numeric_limits<double>::quiet_NaN());
    dgemm(kCblasColMajor, transA ? kCblasTrans : kCblasNoTrans,
          transB ? kCblasTrans : kCblasNoTrans, s.m, s.n, s.k, 1.0, a.data(),
          static_cast<int>(a.rows()), b.data(), static_cast<int>(b.rows()), 0.0, c.data(),
          static_cast<int>(c.rows()));
    const double tolerance = 2.0 * s.k * std::numeric_limits<double>::epsilon();
    for (int j = 0; j < s.n; ++j) {
        for (int i = 0; i < s.m; ++i) {
            // Written so that a NaN fails.
            if (!(std::abs(c(i, j) - expected(i, j)) <= tolerance * bound(i, j))) {
                return false;
            }
        }
        for (int i = s.m; i < s.m + kPadding; ++i) {
            if (!std::isnan(c(i, j))) {
                return false;  // wrote past the rows it was asked for
            }
        }
    }
    return true;
}

}  // namespace

bool dgemmAgreesWithEigen(CblasDgemm dgemm) {
    Rng rng(20240607);
    for (const Shape& shape : kShapes) {
        for (const bool transA : {false, true}) {
            for (const bool transB : {false, true}) {
                if (!agrees(dgemm, shape, transA, transB, rng)) {
                    return false;
                }
            }
        }
    }
    return true;
}

}  // namespace lrscope::core
