#include "core/nn/cpu_features.hpp"

namespace lrscope::core {

CpuFeatures detectCpuFeatures() {
    CpuFeatures features;
#if defined(__x86_64__) || defined(__i386__)
    // libgcc's answers come from cpuid and, for AVX and AVX-512, also check with xgetbv that
    // the kernel enabled the wider registers.
    __builtin_cpu_init();
    features.sse3 = __builtin_cpu_supports("sse3");
    features.ssse3 = __builtin_cpu_supports("ssse3");
    features.sse42 = __builtin_cpu_supports("sse4.2");
    features.avx = __builtin_cpu_supports("avx");
    features.avx2 = __builtin_cpu_supports("avx2");
    features.fma = __builtin_cpu_supports("fma");
    features.avx512f = __builtin_cpu_supports("avx512f");
    features.avx512cd = __builtin_cpu_supports("avx512cd");
    features.avx512bw = __builtin_cpu_supports("avx512bw");
    features.avx512dq = __builtin_cpu_supports("avx512dq");
    features.avx512vl = __builtin_cpu_supports("avx512vl");
#endif
    return features;
}

}  // namespace lrscope::core
