#include "core/nn/blas_kernel_choice.hpp"
#include "core/base/text.hpp"

#include <algorithm>
#include <cctype>
#include <span>

namespace lrscope::core {

namespace {

// Instruction-set generations, narrowest first. Unknown sorts above all: nothing generic is
// preferred to a kernel only the library knows.
enum class Tier { Sse2, Sse3, Ssse3, Sse42, Avx, Avx2, Avx512, Unknown };

struct Kernel {
    std::string_view name;
    Tier tier;
};

// OpenBLAS's generic x86-64 kernels, widest first: the ladder lrscope climbs down.
constexpr Kernel kGeneric[] = {{"SkylakeX", Tier::Avx512}, {"Haswell", Tier::Avx2},
                               {"Sandybridge", Tier::Avx}, {"Nehalem", Tier::Sse42},
                               {"Core2", Tier::Ssse3},     {"Prescott", Tier::Sse3}};

// Kernels tuned for one processor family, by the instructions they use (OpenBLAS 0.3's names).
constexpr Kernel kTuned[] = {{"Cooperlake", Tier::Avx512}, {"SapphireRapids", Tier::Avx512},
                             {"Zen", Tier::Avx2},          {"Excavator", Tier::Avx2},
                             {"Steamroller", Tier::Avx},   {"Piledriver", Tier::Avx},
                             {"Bulldozer", Tier::Avx},     {"Dunnington", Tier::Ssse3},
                             {"Penryn", Tier::Ssse3},      {"Atom", Tier::Ssse3},
                             {"Nano", Tier::Ssse3},        {"Bobcat", Tier::Ssse3},
                             {"Barcelona", Tier::Sse3},    {"Opteron_SSE3", Tier::Sse3},
                             {"Opteron", Tier::Sse2},      {"Athlon", Tier::Sse2},
                             {"Banias", Tier::Sse2},       {"Northwood", Tier::Sse2},
                             {"Coppermine", Tier::Sse2},   {"Katmai", Tier::Sse2}};

Tier tierOf(std::string_view name) {
    for (const auto& table : {std::span<const Kernel>(kGeneric), std::span<const Kernel>(kTuned)}) {
        for (const Kernel& kernel : table) {
            if (sameBlasKernel(kernel.name, name)) {
                return kernel.tier;
            }
        }
    }
    return Tier::Unknown;
}

bool cpuRuns(const CpuFeatures& cpu, Tier tier) {
    switch (tier) {
        case Tier::Sse2:
        case Tier::Unknown:
            return true;
        case Tier::Sse3:
            return cpu.sse3;
        case Tier::Ssse3:
            return cpu.ssse3;
        case Tier::Sse42:
            return cpu.sse42;
        case Tier::Avx:
            return cpu.avx;
        case Tier::Avx2:
            return cpu.avx2 && cpu.fma;
        case Tier::Avx512:
            return cpu.avx512f && cpu.avx512cd && cpu.avx512bw && cpu.avx512dq && cpu.avx512vl;
    }
    return false;
}

}  // namespace

bool sameBlasKernel(std::string_view a, std::string_view b) {
    return equalsIgnoringCase(a, b);
}

std::vector<std::string> blasKernelCandidates(const CpuFeatures& cpu, std::string_view detected,
                                              std::string_view userChoice) {
    if (!userChoice.empty()) {
        // With a name it does not have, OpenBLAS uses its own detection: that is still the
        // user's setting at work, so it is the only other candidate.
        std::vector<std::string> candidates{std::string(userChoice)};
        if (!detected.empty() && !sameBlasKernel(detected, userChoice)) {
            candidates.emplace_back(detected);
        }
        return candidates;
    }
    const Tier detectedTier = tierOf(detected);
    std::vector<std::string> candidates;
    for (const Kernel& kernel : kGeneric) {
        if (kernel.tier > detectedTier && cpuRuns(cpu, kernel.tier)) {
            candidates.emplace_back(kernel.name);
        }
    }
    if (!detected.empty() && cpuRuns(cpu, detectedTier)) {
        candidates.emplace_back(detected);
    }
    for (const Kernel& kernel : kGeneric) {
        if (kernel.tier < detectedTier && cpuRuns(cpu, kernel.tier)) {
            candidates.emplace_back(kernel.name);
        }
    }
    return candidates;
}

std::string_view blasKernelInstructionSet(std::string_view kernel) {
    switch (tierOf(kernel)) {
        case Tier::Sse2:
            return "before SSE3";
        case Tier::Sse3:
            return "SSE3";
        case Tier::Ssse3:
            return "SSSE3";
        case Tier::Sse42:
            return "SSE4.2";
        case Tier::Avx:
            return "AVX";
        case Tier::Avx2:
            return "AVX2";
        case Tier::Avx512:
            return "AVX-512";
        case Tier::Unknown:
            break;
    }
    return {};
}

}  // namespace lrscope::core
