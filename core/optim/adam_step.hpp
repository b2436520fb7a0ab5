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

// How the element loop is computed. Every kernel rounds exactly like the others of its
// arithmetic; the choice is a function of the CPU only (never of timing), so a machine always
// gets the same bits.
// - Plain: every operation rounded on its own (CPUs without FMA).
// - FusedAvx2: torch's CPU kernels on an FMA machine, which fuse the multiply-add of
//   `add_(x, alpha=a)` and of `addcmul_`; GCC vectorises the loop (4 lanes, hardware sqrt and
//   division).
// - FusedAvx512: the same bits, 8 lanes, with square root and divisions by Newton's iteration
//   on the FMA units, each result proven correctly rounded by an exact residual test and
//   recomputed by the hardware instruction in the rare lane where the test cannot prove it
//   (see adam_step.cpp). The divider, which the other kernels wait on, is the bottleneck of an
//   Adam step.
enum class AdamKernel { Plain, FusedAvx2, FusedAvx512 };

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
