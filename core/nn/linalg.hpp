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
// kernels; large ones go to single-threaded OpenBLAS, which is faster than Eigen's own GEMM on this
// class of machine. The choice depends only on the shapes, so results are deterministic.
void multiply(const Eigen::Ref<const Matrix>& a, Transpose ta, const Eigen::Ref<const Matrix>& b,
              Transpose tb, Eigen::Ref<Matrix> c);

// Asks OpenBLAS for one thread: lrscope parallelises across runs, never inside one.
void useSingleThreadedBlas();

}  // namespace lrscope::core
