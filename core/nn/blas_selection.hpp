#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/nn/cpu_features.hpp"

namespace lrscope::core {

// Which BLAS kernel lrscope's large products run on, and why: what --version and the About box
// say.
struct BlasSelection {
    std::string library;             // "OpenBLAS 0.3.21"; empty when none could be used
    std::string detected;            // the kernel the library loaded with the environment as found
    std::string userKernel;          // OPENBLAS_CORETYPE as found; empty when unset
    std::string kernel;              // in use; empty: Eigen's own product instead
    std::vector<std::string> wrong;  // kernels dropped because their products were wrong
    std::string problem;             // why no library is used, when that is the reason
};

// What happened when one candidate kernel was loaded and checked.
enum class KernelTrial {
    Unavailable,  // the library has no such kernel
    Wrong,        // its products disagree with Eigen's beyond rounding
    Correct,
};

// Tries blasKernelCandidates(cpu, detected, userKernel) in order with tryKernel and takes the
// first that computes correctly; with none, the selection names no kernel (Eigen computes).
BlasSelection selectBlasKernel(const CpuFeatures& cpu, const std::string& library,
                               const std::string& detected, const std::string& userKernel,
                               const std::function<KernelTrial(const std::string&)>& tryKernel);

// One line, e.g. "OpenBLAS 0.3.21: detected Prescott, using SkylakeX (AVX-512)".
std::string describeBlasSelection(const BlasSelection& selection);

}  // namespace lrscope::core
