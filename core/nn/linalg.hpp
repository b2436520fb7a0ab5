#pragma once

#include <Eigen/Core>

namespace lrscope::core {

using Matrix = Eigen::MatrixXd;  // column-major; in the network, one column per sample
using Vector = Eigen::VectorXd;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using VectorMap = Eigen::Map<Vector>;
using ConstVectorMap = Eigen::Map<const Vector>;

enum class Transpose { No, Yes };

// C = op(A) * op(B); C must already have the product's shape. Small products use Eigen's lazy
// kernels; large ones go to single-threaded OpenBLAS with the kernel chosen for this machine
// (core/nn/blas_backend.hpp), which is faster than Eigen's own GEMM, or to Eigen's GEMM when no
// OpenBLAS kernel computes correctly here. The path depends only on the shapes and the machine,
// so results are deterministic.
void multiply(const Eigen::Ref<const Matrix>& a, Transpose ta, const Eigen::Ref<const Matrix>& b,
              Transpose tb, Eigen::Ref<Matrix> c);

// Chooses and loads the BLAS now, with one thread per call (lrscope parallelises across runs,
// never inside one). Programs call it at start-up, before they start threads: loading sets
// OPENBLAS_CORETYPE for a moment. Otherwise the first large product does it.
void useSingleThreadedBlas();

}  // namespace lrscope::core
