#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/nn/cpu_features.hpp"

namespace lrscope::core {

// OpenBLAS (DYNAMIC_ARCH) picks its kernel from the CPU's model number and falls back to an old
// generic one (Prescott, SSE3) on a CPU newer than it knows, even when the CPU has AVX-512. This
// decides which kernels lrscope should try instead, best first, from facts only (never from
// timing, so a machine always gets the same kernel and the same bits):
// - userChoice (OPENBLAS_CORETYPE as found, empty if unset) is never overridden: it is the
//   only candidate, followed by the detected kernel when the library did not know the name
//   (detected is what the library loaded with the environment as found).
// - Otherwise the generic kernels this CPU can run that use wider instructions than the
//   detected kernel come first, then the detected kernel (it may be tuned for this CPU, like
//   Zen), then the narrower generic kernels. A detected kernel whose instructions the CPU lacks
//   is left out; a name this list does not know is trusted (the library knows better) and
//   only followed by the generic kernels.
// The caller drops any candidate whose products are wrong and takes the next.
std::vector<std::string> blasKernelCandidates(const CpuFeatures& cpu, std::string_view detected,
                                              std::string_view userChoice);

// The instruction set a kernel is written for ("AVX-512" for SkylakeX), empty if unknown.
std::string_view blasKernelInstructionSet(std::string_view kernel);

// Kernel names compare without case, as OpenBLAS compares OPENBLAS_CORETYPE.
bool sameBlasKernel(std::string_view a, std::string_view b);

}  // namespace lrscope::core
