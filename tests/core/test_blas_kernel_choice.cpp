#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/nn/blas_kernel_choice.hpp"

namespace lrscope::core {
namespace {

CpuFeatures sse3Only() {
    CpuFeatures cpu;
    cpu.sse3 = true;
    return cpu;
}

CpuFeatures avx2Cpu() {  // Haswell-class: SSE up to 4.2, AVX, AVX2, FMA
    CpuFeatures cpu = sse3Only();
    cpu.ssse3 = cpu.sse42 = cpu.avx = cpu.avx2 = cpu.fma = true;
    return cpu;
}

CpuFeatures avx512Cpu() {  // this machine's class: Xeon family 6 model 207
    CpuFeatures cpu = avx2Cpu();
    cpu.avx512f = cpu.avx512cd = cpu.avx512bw = cpu.avx512dq = cpu.avx512vl = true;
    return cpu;
}

struct Row {
    const char* what;
    CpuFeatures cpu;
    const char* detected;
    const char* user;
    std::vector<std::string> candidates;
};

class BlasKernelCandidates : public testing::TestWithParam<Row> {};

TEST_P(BlasKernelCandidates, FollowFromCpuDetectedKernelAndUserSetting) {
    const Row& row = GetParam();
    EXPECT_EQ(blasKernelCandidates(row.cpu, row.detected, row.user), row.candidates) << row.what;
}

CpuFeatures withoutAvx512Vl() {
    CpuFeatures cpu = avx512Cpu();
    cpu.avx512vl = false;
    return cpu;
}

CpuFeatures avxWithoutFma() {
    CpuFeatures cpu = avx2Cpu();
    cpu.fma = false;
    return cpu;
}

CpuFeatures noX86() {
    return CpuFeatures{};
}

INSTANTIATE_TEST_SUITE_P(
    Table, BlasKernelCandidates,
    testing::Values(
        Row{"new AVX-512 CPU OpenBLAS does not know: it falls back to Prescott; climb to SkylakeX",
            avx512Cpu(),
            "Prescott",
            "",
            {"SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"known AVX-512 CPU: the detected kernel first, then the narrower ones",
            avx512Cpu(),
            "SkylakeX",
            "",
            {"SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"names compare without case, the detected spelling is kept",
            avx512Cpu(),
            "SKYLAKEX",
            "",
            {"SKYLAKEX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"a tuned AVX-512 kernel is kept before the generic one of its width",
            avx512Cpu(),
            "Cooperlake",
            "",
            {"Cooperlake", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"AMD Zen (AVX2) keeps its tuned kernel",
            avx2Cpu(),
            "Zen",
            "",
            {"Zen", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"AVX-512 Zen 4 detected as Zen: SkylakeX's instructions are there",
            avx512Cpu(),
            "Zen",
            "",
            {"SkylakeX", "Zen", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"AVX2 CPU detected as Sandybridge: Haswell first",
            avx2Cpu(),
            "Sandybridge",
            "",
            {"Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"AVX-512 without VL is not enough for SkylakeX",
            withoutAvx512Vl(),
            "Prescott",
            "",
            {"Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"AVX2 without FMA is not enough for Haswell",
            avxWithoutFma(),
            "Prescott",
            "",
            {"Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"a detected kernel whose instructions the CPU lacks is left out",
            avx2Cpu(),
            "SkylakeX",
            "",
            {"Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"an old CPU detected correctly gains nothing",
            sse3Only(),
            "Prescott",
            "",
            {"Prescott"}},
        Row{"an SSE2 kernel on an SSE3 CPU climbs one step",
            sse3Only(),
            "Opteron",
            "",
            {"Prescott", "Opteron"}},
        Row{"a name this list does not know is trusted, then the generic ladder",
            avx512Cpu(),
            "NewLake",
            "",
            {"NewLake", "SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}},
        Row{"another architecture: only what the library detected",
            noX86(),
            "NEOVERSEN1",
            "",
            {"NEOVERSEN1"}},
        Row{"the user's kernel is never overridden, even by a wider one",
            avx512Cpu(),
            "Haswell",
            "Haswell",
            {"Haswell"}},
        Row{"the user's Prescott on an AVX-512 CPU stays Prescott",
            avx512Cpu(),
            "Prescott",
            "prescott",
            {"prescott"}},
        Row{"a user's name the library lacks: what the library loaded with it is next",
            avx512Cpu(),
            "Prescott",
            "NoSuchKernel",
            {"NoSuchKernel", "Prescott"}},
        Row{"nothing detected: the generic ladder",
            avx512Cpu(),
            "",
            "",
            {"SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}}));

TEST(BlasKernelInstructionSet, NamesTheWidthOfEachKernel) {
    EXPECT_EQ(blasKernelInstructionSet("SkylakeX"), "AVX-512");
    EXPECT_EQ(blasKernelInstructionSet("haswell"), "AVX2");
    EXPECT_EQ(blasKernelInstructionSet("Zen"), "AVX2");
    EXPECT_EQ(blasKernelInstructionSet("Sandybridge"), "AVX");
    EXPECT_EQ(blasKernelInstructionSet("Prescott"), "SSE3");
    EXPECT_EQ(blasKernelInstructionSet("NEOVERSEN1"), "");
}

}  // namespace
}  // namespace lrscope::core
