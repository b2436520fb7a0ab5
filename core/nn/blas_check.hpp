#pragma once

#include "core/nn/blas_dgemm.hpp"

namespace lrscope::core {

// Whether a dgemm computes correctly here: products of every transposition on shapes that reach
// the kernels' edge cases, blocking and strides, each element compared with Eigen's product of
// the same operands. Two correct products of length-k dot products differ by at most about
// 2 k eps sum_k |a||b| (each rounds within k eps of the exact value); a wrong kernel is off by
// far more. Some OpenBLAS kernels compute wrongly on some processors, so a kernel is used only
// after this says yes.
bool dgemmAgreesWithEigen(CblasDgemm dgemm);

}  // namespace lrscope::core
