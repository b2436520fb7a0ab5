#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/nn/blas_check.hpp"

namespace lrscope::core {
namespace {

// A reference dgemm (alpha 1, beta 0, column-major) written out as the definition, with hooks
// that make it wrong in the ways real kernels went wrong.
double element(const double* x, int ld, bool trans, int row, int col) {
    return trans ? x[col + row * ld] : x[row + col * ld];
}

struct Fault {
    bool ignoreTransB = false;
    bool skipLastColumn = false;
    bool ignoreLdc = false;
    bool reverseSum = false;     // another summation order: rounding only
    double relativeError = 0.0;  // on element (m-1, n-1)
    bool nanInCorner = false;
    bool onlyLarge = false;  // fault only when k > 100 (a blocked path)
};
thread_local Fault fault;

void definitionDgemm(int /*order*/, int transA, int transB, int m, int n, int k, double alpha,
                     const double* a, int lda, const double* b, int ldb, double beta, double* c,
                     int ldc) {
    const bool faulty = !fault.onlyLarge || k > 100;
    const bool ta = transA == kCblasTrans;
    const bool tb = transB == kCblasTrans && !(faulty && fault.ignoreTransB);
    const int stride = faulty && fault.ignoreLdc ? m : ldc;
    const int columns = faulty && fault.skipLastColumn ? n - 1 : n;
    for (int j = 0; j < columns; ++j) {
        for (int i = 0; i < m; ++i) {
            double sum = 0.0;
            for (int p = 0; p < k; ++p) {
                const int q = fault.reverseSum ? k - 1 - p : p;
                sum += element(a, lda, ta, i, q) * element(b, ldb, tb, q, j);
            }
            double& out = c[i + j * stride];
            out = alpha * sum + (beta == 0.0 ? 0.0 : beta * out);
            if (faulty && i == m - 1 && j == n - 1) {
                out *= 1.0 + fault.relativeError;
                if (fault.nanInCorner) {
                    out = std::numeric_limits<double>::quiet_NaN();
                }
            }
        }
    }
}

template <typename Change>
Fault faultWhere(Change change) {
    Fault f;
    change(f);
    return f;
}

bool agreesWith(const Fault& f) {
    fault = f;
    const bool result = dgemmAgreesWithEigen(definitionDgemm);
    fault = Fault{};
    return result;
}

TEST(BlasCheck, ACorrectProductPasses) {
    EXPECT_TRUE(agreesWith(Fault{}));
}

TEST(BlasCheck, AnotherSummationOrderIsRoundingAndPasses) {
    EXPECT_TRUE(agreesWith(faultWhere([](Fault& f) { f.reverseSum = true; })));
}

TEST(BlasCheck, ARoundingSizedDifferencePasses) {
    EXPECT_TRUE(agreesWith(faultWhere(
        [](Fault& f) { f.relativeError = 2 * std::numeric_limits<double>::epsilon(); })));
}

TEST(BlasCheck, OneElementOffBeyondRoundingFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) { f.relativeError = 1e-9; })));
}

TEST(BlasCheck, AKernelWrongOnlyOnItsBlockedPathFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) {
        f.relativeError = 1e-9;
        f.onlyLarge = true;
    })));
}

TEST(BlasCheck, IgnoringATranspositionFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) { f.ignoreTransB = true; })));
}

TEST(BlasCheck, LeavingTheLastColumnUnwrittenFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) { f.skipLastColumn = true; })));
}

TEST(BlasCheck, IgnoringTheLeadingDimensionOfCFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) { f.ignoreLdc = true; })));
}

TEST(BlasCheck, ANanFails) {
    EXPECT_FALSE(agreesWith(faultWhere([](Fault& f) { f.nanInCorner = true; })));
}

}  // namespace
}  // namespace lrscope::core
