#include "core/optim/adam_step.hpp"

#include <cmath>

#include "core/optim/torch_arithmetic.hpp"

// This file is compiled with -ffp-contract=off (core/CMakeLists.txt): every fused multiply-add
// below is written as mulAdd<true>, and nothing else is fused.

namespace lrscope::core {

namespace {

using Index = Eigen::Index;

// Every element in turn, as adam_step.hpp defines it. The options are
// template arguments so that GCC vectorises each loop (it does not split one with branches).
template <bool Fused, bool L2, bool Decoupled, bool AmsGrad>
[[gnu::always_inline]] inline void adamElements(const AdamStepConstants& k, const AdamArrays& a) {
    // Distinct arrays (AdamArrays), which spares GCC one run-time overlap test per pair.
    double* __restrict params = a.params;
    const double* __restrict grad = a.grad;
    double* __restrict expAvg = a.expAvg;
    double* __restrict expAvgSq = a.expAvgSq;
    double* __restrict maxExpAvgSq = a.maxExpAvgSq;
    for (Index i = 0; i < a.count; ++i) {
        double g = grad[i];
        double p = params[i];
        if constexpr (L2) {
            g = mulAdd<Fused>(p, k.l2WeightDecay, g);
        }
        if constexpr (Decoupled) {
            p = p * k.decoupledDecayFactor;
        }
        const double m = mulAdd<Fused>(g, k.oneMinusBeta1, expAvg[i] * k.beta1);
        const double v = mulAdd<Fused>(k.oneMinusBeta2 * g, g, expAvgSq[i] * k.beta2);
        expAvg[i] = m;
        expAvgSq[i] = v;
        double second = v;
        if constexpr (AmsGrad) {
            const double old = maxExpAvgSq[i];
            second = v > old ? v : old;  // std::max(old, v), NaN included, without a branch
            maxExpAvgSq[i] = second;
        }
        const double denominator = std::sqrt(second) / k.biasCorrection2Sqrt + k.eps;
        params[i] = p + (k.negativeStepSize * m) / denominator;
    }
}

// Each combination of options in a function of its own: GCC merges loops inlined side by side
// into one loop with branches, which it does not vectorise.
template <bool L2, bool Decoupled, bool AmsGrad>
[[gnu::noinline]] void adamPlainLoop(const AdamStepConstants& k, const AdamArrays& a) {
    adamElements<false, L2, Decoupled, AmsGrad>(k, a);
}

template <bool L2, bool Decoupled, bool AmsGrad>
#if defined(__x86_64__)
[[gnu::noinline, gnu::target("avx2,fma")]]
#else
[[gnu::noinline]]  // never chosen without x86-64's FMA (chooseAdamKernel)
#endif
void adamFusedLoop(const AdamStepConstants& k, const AdamArrays& a) {
    adamElements<true, L2, Decoupled, AmsGrad>(k, a);
}

using AdamLoop = void (*)(const AdamStepConstants&, const AdamArrays&);

template <bool Fused, bool L2, bool Decoupled, bool AmsGrad>
constexpr AdamLoop adamLoop() {
    if constexpr (Fused) {
        return &adamFusedLoop<L2, Decoupled, AmsGrad>;
    } else {
        return &adamPlainLoop<L2, Decoupled, AmsGrad>;
    }
}

// The loop with the options of this step (Adam's L2 decay and AdamW's decoupled one exclude
// each other).
template <bool Fused>
void adamPass(const AdamStepConstants& k, const AdamArrays& a) {
    const bool l2 = k.l2WeightDecay != 0.0;
    const bool decoupled = k.decoupledDecayFactor != 1.0;
    AdamLoop loop = nullptr;
    if (a.maxExpAvgSq != nullptr) {
        loop = l2          ? adamLoop<Fused, true, false, true>()
               : decoupled ? adamLoop<Fused, false, true, true>()
                           : adamLoop<Fused, false, false, true>();
    } else {
        loop = l2          ? adamLoop<Fused, true, false, false>()
               : decoupled ? adamLoop<Fused, false, true, false>()
                           : adamLoop<Fused, false, false, false>();
    }
    loop(k, a);
}

}  // namespace

AdamKernel chooseAdamKernel(const CpuFeatures& cpu) {
#if defined(__x86_64__)
    return torchFusesMultiplyAdds(cpu) ? AdamKernel::FusedAvx2 : AdamKernel::Plain;
#else
    (void)cpu;
    return AdamKernel::Plain;
#endif
}

AdamKernel adamKernel() {
    static const AdamKernel kernel = chooseAdamKernel(detectCpuFeatures());
    return kernel;
}

void adamStep(AdamKernel kernel, const AdamStepConstants& constants, const AdamArrays& arrays) {
    if (kernel == AdamKernel::FusedAvx2) {
        adamPass<true>(constants, arrays);
    } else {
        adamPass<false>(constants, arrays);
    }
}

}  // namespace lrscope::core
