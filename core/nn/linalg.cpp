#include "core/nn/linalg.hpp"

#include <algorithm>
#include <cassert>

#include "core/nn/blas_backend.hpp"
#include "core/nn/small_product.hpp"

namespace lrscope::core {

namespace {

// Products with fewer multiply-adds than this use Eigen's coefficient-based product, which
// neither packs nor allocates. OpenBLAS wins clearly above it (its GEMM is several times
// faster than Eigen's), but each call takes locks that dominate tiny products: W1's 8 x 8 x 10
// layers ran 15% faster whole-epoch with 4096 than with 128 (benchmarks/core_linalg_bench.cpp
// times both paths per shape).
constexpr Eigen::Index kBlasThreshold = 4096;

int toCblas(Transpose t) {
    return t == Transpose::Yes ? kCblasTrans : kCblasNoTrans;
}

int toInt(Eigen::Index n) {
    return static_cast<int>(n);
}

}  // namespace

void multiply(const Eigen::Ref<const Matrix>& a, Transpose ta, const Eigen::Ref<const Matrix>& b,
              Transpose tb, Eigen::Ref<Matrix> c) {
    const Eigen::Index m = ta == Transpose::Yes ? a.cols() : a.rows();
    const Eigen::Index k = ta == Transpose::Yes ? a.rows() : a.cols();
    const Eigen::Index n = tb == Transpose::Yes ? b.rows() : b.cols();
    assert(c.rows() == m && c.cols() == n);
    if (m == 0 || n == 0) {
        return;
    }
    if (k == 0) {
        c.setZero();
        return;
    }
    if (usesSmallProduct(m, k, n, ta, tb)) {
        smallMultiply(a, ta, b, tb, c);
        return;
    }
    if (m * n * k < kBlasThreshold) {
        if (ta == Transpose::No && tb == Transpose::No) {
            c.noalias() = a.lazyProduct(b);
        } else if (ta == Transpose::No) {
            c.noalias() = a.lazyProduct(b.transpose());
        } else if (tb == Transpose::No) {
            c.noalias() = a.transpose().lazyProduct(b);
        } else {
            c.noalias() = a.transpose().lazyProduct(b.transpose());
        }
        return;
    }
    if (const CblasDgemm dgemm = BlasBackend::instance().dgemm()) {
        dgemm(kCblasColMajor, toCblas(ta), toCblas(tb), toInt(m), toInt(n), toInt(k), 1.0, a.data(),
              toInt(a.outerStride()), b.data(), toInt(b.outerStride()), 0.0, c.data(),
              toInt(c.outerStride()));
        return;
    }
    // No BLAS that computes correctly here: Eigen's own blocked product.
    if (ta == Transpose::No && tb == Transpose::No) {
        c.noalias() = a * b;
    } else if (ta == Transpose::No) {
        c.noalias() = a * b.transpose();
    } else if (tb == Transpose::No) {
        c.noalias() = a.transpose() * b;
    } else {
        c.noalias() = a.transpose() * b.transpose();
    }
}

void multiplyAddBias(const Eigen::Ref<const Matrix>& w, const Eigen::Ref<const Matrix>& x,
                     const Eigen::Ref<const Vector>& bias, Eigen::Ref<Matrix> z) {
    assert(bias.size() == z.rows());
    const Eigen::Index m = w.rows();
    const Eigen::Index k = w.cols();
    const Eigen::Index n = x.cols();
    if (z.size() > 0 && k > 0 && usesSmallProduct(m, k, n, Transpose::No, Transpose::No)) {
        smallMultiply(w, Transpose::No, x, Transpose::No, z, bias.data());
        return;
    }
    const CblasDgemm dgemm =
        m * n * k >= kBlasThreshold ? BlasBackend::instance().dgemm() : nullptr;
    if (z.size() > 0 && k > 0 && dgemm != nullptr) {
        // torch.addmm's way: the bias in every column, then the product added onto it by the
        // BLAS (beta = 1), which spares the BLAS clearing Z and us a second pass adding the bias.
        for (Eigen::Index j = 0; j < n; ++j) {
            std::copy_n(bias.data(), m, z.col(j).data());  // Eigen's broadcast was 3x slower
        }
        dgemm(kCblasColMajor, kCblasNoTrans, kCblasNoTrans, toInt(m), toInt(n), toInt(k), 1.0,
              w.data(), toInt(w.outerStride()), x.data(), toInt(x.outerStride()), 1.0, z.data(),
              toInt(z.outerStride()));
        return;
    }
    multiply(w, Transpose::No, x, Transpose::No, z);
    z.colwise() += bias;
}

void useSingleThreadedBlas() {
    BlasBackend::instance();
}

}  // namespace lrscope::core
