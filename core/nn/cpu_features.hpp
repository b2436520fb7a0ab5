#pragma once

namespace lrscope::core {

// The x86-64 instruction sets that decide which BLAS kernels can run here. Each flag means the
// CPU has the instructions and the operating system saves their registers.
struct CpuFeatures {
    bool sse3 = false;
    bool ssse3 = false;
    bool sse42 = false;
    bool avx = false;
    bool avx2 = false;
    bool fma = false;
    bool avx512f = false;
    bool avx512cd = false;
    bool avx512bw = false;
    bool avx512dq = false;
    bool avx512vl = false;
};

// This machine's features (all false on other architectures).
CpuFeatures detectCpuFeatures();

}  // namespace lrscope::core
