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

// Z = W * X + bias, the bias added to every column: a dense layer's affine map. Small layers do
// it in one pass, bit-identical to multiply() followed by Z.colwise() += bias. On the BLAS path
// Z starts as the bias and the BLAS adds the product onto it, as torch.addmm does (nn.Linear):
// where the inner size fits one block of the BLAS kernel that is again the same bits (each
// element is RN(sum + bias) either way); beyond it the partial sums are added to the bias in
// torch's order.
void multiplyAddBias(const Eigen::Ref<const Matrix>& w, const Eigen::Ref<const Matrix>& x,
                     const Eigen::Ref<const Vector>& bias, Eigen::Ref<Matrix> z);

// Chooses and loads the BLAS now, with one thread per call (lrscope parallelises across runs,
// never inside one). Programs call it at start-up, before they start threads: loading sets
// OPENBLAS_CORETYPE for a moment. Otherwise the first large product does it.
void useSingleThreadedBlas();

}  // namespace lrscope::core
