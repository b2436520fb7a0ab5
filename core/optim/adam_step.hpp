#pragma once

#include <Eigen/Core>

#include "core/nn/cpu_features.hpp"

namespace lrscope::core {

// The per-step numbers of one Adam update (core/optim/adam.hpp), computed as torch.optim.Adam
// computes them in Python.
struct AdamStepConstants {
    double beta1 = 0.9;
    double oneMinusBeta1 = 0.1;
    double beta2 = 0.999;
    double oneMinusBeta2 = 0.001;
    double negativeStepSize = -1e-3;   // -lr / (1 - beta1^t)
    double biasCorrection2Sqrt = 1.0;  // sqrt(1 - beta2^t)
    double eps = 1e-8;
    double l2WeightDecay = 0.0;         // Adam's weight_decay, added to the gradient
    double decoupledDecayFactor = 1.0;  // AdamW: 1 - lr * weight_decay, multiplies p first
};

// The arrays of one update: count parameters, gradients and moments; maxExpAvgSq is null
// without amsgrad. The gradient is only read.
struct AdamArrays {
    Eigen::Index count = 0;
    double* params = nullptr;
    const double* grad = nullptr;
    double* expAvg = nullptr;
    double* expAvgSq = nullptr;
    double* maxExpAvgSq = nullptr;
};

// How the element loop is computed; a function of the CPU only (never of timing), so a machine
// always gets the same bits.
// - Plain: every operation rounded on its own (CPUs without FMA).
// - FusedAvx2: torch's CPU kernels on an FMA machine, which fuse the multiply-add of
//   `add_(x, alpha=a)` and of `addcmul_` (core/optim/torch_arithmetic.hpp); GCC vectorises
//   the loop, square root and divisions on the hardware divider, whose throughput bounds the
//   step (measured here: 0.68 ns per division and 1.02 ns per square root per element, with
//   4 or 8 lanes alike). Doing the divisions by Newton's iteration on the FMA units under
//   AVX-512 instead, each result proven correctly rounded, gave the same time on W2: this
//   Xeon's AVX-512 FMA throughput is no higher than its divider's for that work.
enum class AdamKernel { Plain, FusedAvx2 };

AdamKernel chooseAdamKernel(const CpuFeatures& cpu);

// The kernel for this machine (chooseAdamKernel(detectCpuFeatures()), decided once).
AdamKernel adamKernel();

// One Adam step over every element, with torch's order of operations (torch 1.13
// _single_tensor_adam; fma where the kernel fuses, see AdamKernel):
//   g' = g + wd * p (fma; only when l2WeightDecay != 0);  p = p * decoupledDecayFactor (AdamW)
//   m = fma(g', 1 - b1, m * b1);  v = fma((1 - b2) * g', g', v * b2);  v_max = max(v_max, v)
//   p = p + (negativeStepSize * m) / (sqrt(v or v_max) / biasCorrection2Sqrt + eps)
// The kernel must run on this CPU (chooseAdamKernel gives only such kernels).
void adamStep(AdamKernel kernel, const AdamStepConstants& constants, const AdamArrays& arrays);

}  // namespace lrscope::core
