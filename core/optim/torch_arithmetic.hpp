#pragma once

#include <cmath>

#include "core/nn/cpu_features.hpp"

namespace lrscope::core {

// torch's CPU kernels (torch 1.13, as Debian ships it) compute `x.add_(y, alpha=a)` as
// fma(y, a, x) and `x.addcmul_(y, z, value=c)` as fma(c * y, z, x) on a CPU with FMA, and
// round every other operation on its own (checked bit for bit against Debian's python3-torch on
// an AVX-512 Xeon). The update rules that follow them exactly are compiled with
// -ffp-contract=off (core/CMakeLists.txt) and write each fused multiply-add as mulAdd<true>;
// without FMA they round the product and the sum apart. A function of the CPU only.
inline bool torchFusesMultiplyAdds(const CpuFeatures& cpu) {
    return cpu.avx2 && cpu.fma;
}

// a * b + c, rounded once when Fused.
template <bool Fused>
[[gnu::always_inline]] inline double mulAdd(double a, double b, double c) {
    if constexpr (Fused) {
        return std::fma(a, b, c);
    } else {
        return a * b + c;
    }
}

}  // namespace lrscope::core
