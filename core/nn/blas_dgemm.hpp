#pragma once

namespace lrscope::core {

// cblas_dgemm's C interface (C = alpha op(A) op(B) + beta C), declared here rather than taken
// from <cblas.h> because core loads the library at run time (core/nn/blas_backend.cpp). The
// enums of the CBLAS standard are passed as int with the standard's values.
using CblasDgemm = void (*)(int order, int transA, int transB, int m, int n, int k, double alpha,
                            const double* a, int lda, const double* b, int ldb, double beta,
                            double* c, int ldc);

inline constexpr int kCblasColMajor = 102;
inline constexpr int kCblasNoTrans = 111;
inline constexpr int kCblasTrans = 112;

}  // namespace lrscope::core
