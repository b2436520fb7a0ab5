#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/nn/blas_backend.hpp"
#include "core/nn/blas_check.hpp"
#include "core/nn/blas_kernel_choice.hpp"
#include "core/nn/blas_selection.hpp"

namespace lrscope::core {
namespace {

CpuFeatures avx512Cpu() {
    CpuFeatures cpu;
    cpu.sse3 = cpu.ssse3 = cpu.sse42 = cpu.avx = cpu.avx2 = cpu.fma = true;
    cpu.avx512f = cpu.avx512cd = cpu.avx512bw = cpu.avx512dq = cpu.avx512vl = true;
    return cpu;
}

// A library whose kernels behave as listed (Correct when not listed); records what was tried.
struct FakeLibrary {
    FakeLibrary() = default;
    FakeLibrary(const std::string& kernel, KernelTrial trial) { behaviour[kernel] = trial; }

    std::map<std::string, KernelTrial> behaviour;
    std::vector<std::string> tried;

    KernelTrial operator()(const std::string& kernel) {
        tried.push_back(kernel);
        const auto found = behaviour.find(kernel);
        return found == behaviour.end() ? KernelTrial::Correct : found->second;
    }
};

BlasSelection select(FakeLibrary& library, const std::string& detected,
                     const std::string& user = "") {
    return selectBlasKernel(avx512Cpu(), "OpenBLAS 0.3.21", detected, user,
                            [&](const std::string& kernel) { return library(kernel); });
}

TEST(BlasSelection, TheWidestKernelThatComputesCorrectlyWins) {
    FakeLibrary library;
    const BlasSelection selection = select(library, "Prescott");
    EXPECT_EQ(selection.kernel, "SkylakeX");
    EXPECT_EQ(library.tried, std::vector<std::string>{"SkylakeX"});
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: detected Prescott, using SkylakeX (AVX-512)");
}

TEST(BlasSelection, AKernelWithWrongProductsIsDroppedForTheNextBest) {
    FakeLibrary library("SkylakeX", KernelTrial::Wrong);
    const BlasSelection selection = select(library, "Prescott");
    EXPECT_EQ(selection.kernel, "Haswell");
    EXPECT_EQ(library.tried, (std::vector<std::string>{"SkylakeX", "Haswell"}));
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: detected Prescott, using Haswell (AVX2); dropped for wrong "
              "products: SkylakeX");
}

TEST(BlasSelection, AKernelTheLibraryLacksIsSkippedSilently) {
    FakeLibrary library("SkylakeX", KernelTrial::Unavailable);
    const BlasSelection selection = select(library, "Prescott");
    EXPECT_EQ(selection.kernel, "Haswell");
    EXPECT_TRUE(selection.wrong.empty());
}

TEST(BlasSelection, WhenEveryKernelIsWrongEigenComputes) {
    FakeLibrary library;
    for (const char* kernel :
         {"SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Core2", "Prescott"}) {
        library.behaviour[kernel] = KernelTrial::Wrong;
    }
    const BlasSelection selection = select(library, "Prescott");
    EXPECT_TRUE(selection.kernel.empty());
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: detected Prescott, using Eigen's own product; dropped for wrong "
              "products: SkylakeX, Haswell, Sandybridge, Nehalem, Core2, Prescott");
}

TEST(BlasSelection, TheUsersKernelIsUsedAsSetEvenWhenAWiderOneExists) {
    FakeLibrary library;
    const BlasSelection selection = select(library, "Haswell", "Haswell");
    EXPECT_EQ(selection.kernel, "Haswell");
    EXPECT_EQ(library.tried, std::vector<std::string>{"Haswell"});
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: OPENBLAS_CORETYPE=Haswell, using Haswell (AVX2)");
}

TEST(BlasSelection, AWrongUsersKernelIsNotReplacedByAnotherKernel) {
    FakeLibrary library("SkylakeX", KernelTrial::Wrong);
    const BlasSelection selection = select(library, "SkylakeX", "SkylakeX");
    EXPECT_TRUE(selection.kernel.empty());
    EXPECT_EQ(library.tried, std::vector<std::string>{"SkylakeX"});
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: OPENBLAS_CORETYPE=SkylakeX, using Eigen's own product; dropped "
              "for wrong products: SkylakeX");
}

TEST(BlasSelection, AUsersNameTheLibraryLacksLeavesWhatTheLibraryPickedWithIt) {
    FakeLibrary library("NoSuchKernel", KernelTrial::Unavailable);
    const BlasSelection selection = select(library, "Prescott", "NoSuchKernel");
    EXPECT_EQ(selection.kernel, "Prescott");
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: OPENBLAS_CORETYPE=NoSuchKernel is none of its kernels, using "
              "Prescott (SSE3)");
}

TEST(BlasSelection, ProblemsBeforeAnyKernelAreNamed) {
    BlasSelection selection;
    selection.problem = "libopenblas.so.0: cannot open shared object";
    EXPECT_EQ(describeBlasSelection(selection),
              "no BLAS (libopenblas.so.0: cannot open shared object); using Eigen's own product");
    selection.library = "OpenBLAS 0.3.21";
    selection.problem = "its serial build, unsafe for runs training in parallel";
    EXPECT_EQ(describeBlasSelection(selection),
              "OpenBLAS 0.3.21: its serial build, unsafe for runs training in parallel; using "
              "Eigen's own product");
}

// This process's own choice, end to end (OpenBLAS is installed with lrscope's dependencies, and
// Debian's DYNAMIC_ARCH build has every generic kernel): the kernel in use is the first
// candidate for this CPU that was not dropped, its product passes the check again, and the
// environment is as the process found it (OPENBLAS_CORETYPE is set only while loading).
TEST(BlasBackend, UsesTheFirstCandidateForThisMachineThatComputesCorrectly) {
    const BlasBackend& backend = BlasBackend::instance();
    const BlasSelection& selection = backend.selection();
    ASSERT_FALSE(selection.kernel.empty()) << blasDescription();
    ASSERT_NE(backend.dgemm(), nullptr);
    const std::vector<std::string> candidates =
        blasKernelCandidates(detectCpuFeatures(), selection.detected, selection.userKernel);
    const auto firstRight = std::ranges::find_if(candidates, [&](const std::string& kernel) {
        return std::ranges::find(selection.wrong, kernel) == selection.wrong.end();
    });
    ASSERT_NE(firstRight, candidates.end());
    EXPECT_EQ(selection.kernel, *firstRight) << blasDescription();
    EXPECT_TRUE(dgemmAgreesWithEigen(backend.dgemm()));
    const char* coreType = std::getenv("OPENBLAS_CORETYPE");
    EXPECT_EQ(coreType != nullptr ? coreType : "", selection.userKernel);
    EXPECT_EQ(&backend, &BlasBackend::instance());
}

}  // namespace
}  // namespace lrscope::core
