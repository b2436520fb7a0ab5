#include "core/optim/adam_step.hpp"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/optim/torch_arithmetic.hpp"

// This file is compiled with -ffp-contract=off (core/CMakeLists.txt): every fused multiply-add
// below is written as std::fma or an FMA intrinsic, and nothing else is fused.

namespace lrscope::core {

namespace {

using Index = Eigen::Index;

// Elements [begin, end) one at a time: the definition every kernel computes.
template <bool Fused>
[[gnu::always_inline]] inline void adamElements(const AdamStepConstants& k, const AdamArrays& a,
                                                Index begin, Index end) {
    const bool l2 = k.l2WeightDecay != 0.0;
    const bool decoupled = k.decoupledDecayFactor != 1.0;
    for (Index i = begin; i < end; ++i) {
        double g = a.grad[i];
        double p = a.params[i];
        if (l2) {
            g = mulAdd<Fused>(p, k.l2WeightDecay, g);
        }
        if (decoupled) {
            p = p * k.decoupledDecayFactor;
        }
        const double m = mulAdd<Fused>(g, k.oneMinusBeta1, a.expAvg[i] * k.beta1);
        const double v = mulAdd<Fused>(k.oneMinusBeta2 * g, g, a.expAvgSq[i] * k.beta2);
        a.expAvg[i] = m;
        a.expAvgSq[i] = v;
        double second = v;
        if (a.maxExpAvgSq != nullptr) {
            second = std::max(a.maxExpAvgSq[i], v);
            a.maxExpAvgSq[i] = second;
        }
        const double denominator = std::sqrt(second) / k.biasCorrection2Sqrt + k.eps;
        a.params[i] = p + (k.negativeStepSize * m) / denominator;
    }
}

void adamPlain(const AdamStepConstants& k, const AdamArrays& a) {
    adamElements<false>(k, a, 0, a.count);
}

#if defined(__x86_64__)

[[gnu::target("avx2,fma")]] void adamFusedAvx2(const AdamStepConstants& k, const AdamArrays& a) {
    adamElements<true>(k, a, 0, a.count);
}

// --- AVX-512: square root and division on the FMA units, proven correctly rounded ----------
//
// For normal positive x, halfUlp(x) = 2^(E - 53) where 2^E <= x < 2^(E + 1): half the gap
// between x and its neighbours, both gaps being equal unless x is a power of two (then the gap
// below is half as wide; such x are never accepted, see hasMantissa).
//
// Division a / b: Newton's iteration gives y ~ 1/b, then q ~ a / b with one correction. q is
// RN(a / b) if |a - b q| < |b| halfUlp(q): then |a/b - q| < halfUlp(q), so q is the nearest
// double (an exact tie is impossible then). The residual r = RN(a - b q) is one fma; rounding
// is monotonic and the bound T = |b| halfUlp(q) is a double (a power of two times |b|), so
// |r| < T implies |a - b q| < T even where r is not exact. The test is thus exact whatever the
// accuracy of y, which only decides how often it fails.
//
// Square root of v: Newton's iteration for 1/sqrt(v), then s ~ sqrt(v) with one correction.
// With h = halfUlp(s) and sqrt(v) = s + d: v - s^2 = d (2s + d), which is at least 2sh + h^2
// for d >= h and at most h^2 - 2sh for -s <= d <= -h; so |v - s^2| < 2sh - h^2 implies |d| < h,
// and s = RN(sqrt(v)). The bound used, RN(2sh (1 - 2^-50)), lies below 2sh - h^2 (h^2 <=
// 2^-54 2sh) and the residual is again one fma, so the same monotonicity argument holds.
//
// The arguments must keep every intermediate normal and finite: lanes outside generous ranges
// (and NaN, infinities, subnormals) fail the test. Exact zeros are allowed where the fast result
// is exact anyway (sqrt(+0) and 0 / b). A vector with a lane that fails is recomputed with the
// hardware instructions, which give the same bits as the scalar definition.

using Mask = __mmask8;

// GCC 12's AVX-512 intrinsics pass _mm512_undefined_pd() (initialised from itself) as the
// unused merge source, which -Wmaybe-uninitialized reports in our code (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// Lane-wise and / or of masks (the operators promote to int).
template <typename... Masks>
inline Mask all(Mask first, Masks... rest) {
    return static_cast<Mask>((first & ... & rest));
}

inline Mask either(Mask a, Mask b) {
    return static_cast<Mask>(a | b);
}

[[gnu::target("avx512f,avx2,fma")]] inline __m512d halfUlp(__m512d x) {
    const __m512i exponent =
        _mm512_and_si512(_mm512_castpd_si512(x), _mm512_set1_epi64(0x7ff0000000000000LL));
    return _mm512_castsi512_pd(_mm512_sub_epi64(exponent, _mm512_set1_epi64(53LL << 52)));
}

[[gnu::target("avx512f,avx2,fma")]] inline Mask hasMantissa(__m512d x) {
    return _mm512_test_epi64_mask(_mm512_castpd_si512(x), _mm512_set1_epi64(0x000fffffffffffffLL));
}

// lo <= |x| <= hi (false for NaN).
[[gnu::target("avx512f,avx2,fma")]] inline Mask magnitudeWithin(__m512d x, double lo, double hi) {
    const __m512d magnitude = _mm512_abs_pd(x);
    return _mm512_mask_cmp_pd_mask(_mm512_cmp_pd_mask(magnitude, _mm512_set1_pd(lo), _CMP_GE_OQ),
                                   magnitude, _mm512_set1_pd(hi), _CMP_LE_OQ);
}

[[gnu::target("avx512f,avx2,fma")]] inline Mask isZero(__m512d x) {
    return _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_EQ_OQ);
}

constexpr double kLow = 0x1p-900;  // operands and results are kept well inside the normal range
constexpr double kHigh = 0x1p900;

// a / b given y ~ 1/b; lanes of `proven` are cleared where the result may not be RN(a / b).
[[gnu::target("avx512f,avx2,fma")]] inline __m512d divide(__m512d a, __m512d b, __m512d y,
                                                          Mask& proven) {
    __m512d q = _mm512_mul_pd(a, y);
    q = _mm512_fmadd_pd(_mm512_fnmadd_pd(b, q, a), y, q);
    const __m512d residual = _mm512_fnmadd_pd(b, q, a);
    const __m512d bound = _mm512_mul_pd(_mm512_abs_pd(b), halfUlp(q));
    const Mask exact =
        all(_mm512_cmp_pd_mask(_mm512_abs_pd(residual), bound, _CMP_LT_OQ), hasMantissa(q),
            magnitudeWithin(a, kLow, kHigh), magnitudeWithin(q, kLow, kHigh));
    proven = all(proven, either(exact, isZero(a)), magnitudeWithin(b, kLow, kHigh));
    return q;  // a zero a gives a * y, the correctly signed zero
}

// ~1/b to a few ulp: the 14-bit estimate and two Newton steps.
[[gnu::target("avx512f,avx2,fma")]] inline __m512d reciprocal(__m512d b) {
    const __m512d one = _mm512_set1_pd(1.0);
    __m512d y = _mm512_rcp14_pd(b);
    y = _mm512_fmadd_pd(y, _mm512_fnmadd_pd(b, y, one), y);
    return _mm512_fmadd_pd(y, _mm512_fnmadd_pd(b, y, one), y);
}

// sqrt(v) for v >= 0; lanes of `proven` are cleared where the result may not be RN(sqrt(v)).
[[gnu::target("avx512f,avx2,fma")]] inline __m512d squareRoot(__m512d v, Mask& proven) {
    const __m512d half = _mm512_set1_pd(0.5);
    const __m512d threeHalves = _mm512_set1_pd(1.5);
    const __m512d halfV = _mm512_mul_pd(v, half);
    __m512d y = _mm512_rsqrt14_pd(v);  // ~1/sqrt(v), then y (3/2 - v y^2 / 2) twice
    y = _mm512_mul_pd(y, _mm512_fnmadd_pd(_mm512_mul_pd(halfV, y), y, threeHalves));
    y = _mm512_mul_pd(y, _mm512_fnmadd_pd(_mm512_mul_pd(halfV, y), y, threeHalves));
    __m512d s = _mm512_mul_pd(v, y);
    s = _mm512_fmadd_pd(_mm512_fnmadd_pd(s, s, v), _mm512_mul_pd(y, half), s);
    const __m512d residual = _mm512_fnmadd_pd(s, s, v);
    const __m512d bound =
        _mm512_mul_pd(_mm512_mul_pd(s, halfUlp(s)), _mm512_set1_pd(2.0 * (1.0 - 0x1p-50)));
    const Mask exact = all(_mm512_cmp_pd_mask(_mm512_abs_pd(residual), bound, _CMP_LT_OQ),
                           hasMantissa(s), magnitudeWithin(v, kLow, kHigh));
    const Mask zero = isZero(v);
    proven = all(proven, either(exact, zero));
    return _mm512_mask_blend_pd(zero, s, _mm512_setzero_pd());  // sqrt(+0) = +0
}

[[gnu::target("avx512f,avx2,fma")]] void adamFusedAvx512(const AdamStepConstants& k,
                                                         const AdamArrays& a) {
    const bool l2 = k.l2WeightDecay != 0.0;
    const bool decoupled = k.decoupledDecayFactor != 1.0;
    const __m512d beta1 = _mm512_set1_pd(k.beta1);
    const __m512d oneMinusBeta1 = _mm512_set1_pd(k.oneMinusBeta1);
    const __m512d beta2 = _mm512_set1_pd(k.beta2);
    const __m512d oneMinusBeta2 = _mm512_set1_pd(k.oneMinusBeta2);
    const __m512d stepSize = _mm512_set1_pd(k.negativeStepSize);
    const __m512d correction = _mm512_set1_pd(k.biasCorrection2Sqrt);
    const __m512d correctionReciprocal = _mm512_set1_pd(1.0 / k.biasCorrection2Sqrt);
    const __m512d eps = _mm512_set1_pd(k.eps);
    const __m512d weightDecay = _mm512_set1_pd(k.l2WeightDecay);
    const __m512d decayFactor = _mm512_set1_pd(k.decoupledDecayFactor);
    constexpr Index kLanes = 8;
    const Index whole = a.count - a.count % kLanes;
    for (Index i = 0; i < whole; i += kLanes) {
        __m512d g = _mm512_loadu_pd(a.grad + i);
        __m512d p = _mm512_loadu_pd(a.params + i);
        if (l2) {
            g = _mm512_fmadd_pd(p, weightDecay, g);
        }
        if (decoupled) {
            p = _mm512_mul_pd(p, decayFactor);
        }
        const __m512d m =
            _mm512_fmadd_pd(g, oneMinusBeta1, _mm512_mul_pd(_mm512_loadu_pd(a.expAvg + i), beta1));
        const __m512d v = _mm512_fmadd_pd(_mm512_mul_pd(oneMinusBeta2, g), g,
                                          _mm512_mul_pd(_mm512_loadu_pd(a.expAvgSq + i), beta2));
        _mm512_storeu_pd(a.expAvg + i, m);
        _mm512_storeu_pd(a.expAvgSq + i, v);
        __m512d second = v;
        if (a.maxExpAvgSq != nullptr) {
            // max_pd(v, old) is old unless v > old, like std::max(old, v), NaN included.
            second = _mm512_max_pd(v, _mm512_loadu_pd(a.maxExpAvgSq + i));
            _mm512_storeu_pd(a.maxExpAvgSq + i, second);
        }
        const __m512d numerator = _mm512_mul_pd(stepSize, m);
        Mask proven = 0xff;
        const __m512d root = squareRoot(second, proven);
        const __m512d denominator =
            _mm512_add_pd(divide(root, correction, correctionReciprocal, proven), eps);
        __m512d update = divide(numerator, denominator, reciprocal(denominator), proven);
        if (proven != 0xff) {
            update = _mm512_div_pd(
                numerator, _mm512_add_pd(_mm512_div_pd(_mm512_sqrt_pd(second), correction), eps));
        }
        _mm512_storeu_pd(a.params + i, _mm512_add_pd(p, update));
    }
    adamElements<true>(k, a, whole, a.count);
}

#pragma GCC diagnostic pop

#endif  // __x86_64__

}  // namespace

AdamKernel chooseAdamKernel(const CpuFeatures& cpu) {
#if !defined(__x86_64__)
    (void)cpu;
    return AdamKernel::Plain;
#endif
    if (!torchFusesMultiplyAdds(cpu)) {
        return AdamKernel::Plain;
    }
    return cpu.avx512f ? AdamKernel::FusedAvx512 : AdamKernel::FusedAvx2;
}

AdamKernel adamKernel() {
    static const AdamKernel kernel = chooseAdamKernel(detectCpuFeatures());
    return kernel;
}

void adamStep(AdamKernel kernel, const AdamStepConstants& constants, const AdamArrays& arrays) {
    switch (kernel) {
#if defined(__x86_64__)
        case AdamKernel::FusedAvx512:
            adamFusedAvx512(constants, arrays);
            return;
        case AdamKernel::FusedAvx2:
            adamFusedAvx2(constants, arrays);
            return;
#endif
        default:
            adamPlain(constants, arrays);
            return;
    }
}

}  // namespace lrscope::core
