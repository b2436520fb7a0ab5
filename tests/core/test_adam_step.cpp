// Adam's element loop (core/optim/adam_step.hpp): the kernels give the same bits.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "core/optim/adam_step.hpp"

namespace lrscope::core {
namespace {

struct AdamData {
    std::vector<double> params, grad, expAvg, expAvgSq, maxExpAvgSq;

    AdamArrays arrays(bool amsgrad) {
        AdamArrays a;
        a.count = static_cast<Eigen::Index>(params.size());
        a.params = params.data();
        a.grad = grad.data();
        a.expAvg = expAvg.data();
        a.expAvgSq = expAvgSq.data();
        a.maxExpAvgSq = amsgrad ? maxExpAvgSq.data() : nullptr;
        return a;
    }
};

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Gradients and moments of every size Adam meets, and the values the fast square root and
// divisions must leave to the hardware: zeros, subnormals, powers of two and four, huge and
// non-finite numbers. 1003 elements: whole vectors and a tail.
AdamData trickyData(std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> exponent(-40, 10);
    AdamData d;
    constexpr std::size_t kCount = 1003;
    for (std::size_t i = 0; i < kCount; ++i) {
        const double scale = std::ldexp(1.0, exponent(engine));
        d.params.push_back(normal(engine));
        d.grad.push_back(scale * normal(engine));
        d.expAvg.push_back(scale * normal(engine));
        d.expAvgSq.push_back(scale * scale * std::abs(normal(engine)));
        d.maxExpAvgSq.push_back(scale * scale * std::abs(normal(engine)));
    }
    const double special[] = {0.0,
                              -0.0,
                              std::numeric_limits<double>::denorm_min(),
                              1e-310,
                              1e-200,
                              0.25,
                              4.0,
                              1.0,
                              1e200,
                              std::numeric_limits<double>::max(),
                              std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::quiet_NaN()};
    std::size_t at = 0;
    for (const double value : special) {
        d.grad[at] = value;  // alone: every other input of the lane is ordinary
        d.expAvg[at + 20] = value;
        d.expAvgSq[at + 40] = std::abs(value);
        d.expAvg[at + 60] = value;  // gradient zero and moment special: a dead unit
        d.grad[at + 60] = 0.0;
        d.expAvgSq[at + 60] = 0.0;
        ++at;
    }
    for (std::size_t i = 100; i < 300; ++i) {
        d.grad[i] = 0.0;  // m and v decaying towards zero, as for a unit that stopped learning
        d.expAvg[i] = std::ldexp(1.0, -static_cast<int>(i));
        d.expAvgSq[i] = std::ldexp(1.0, -2 * static_cast<int>(i));  // exact squares
    }
    return d;
}

AdamStepConstants constantsFor(int step, bool decoupled, double weightDecay, double eps) {
    AdamStepConstants k;
    const double t = step;
    k.negativeStepSize = -(1e-3 / (1.0 - std::pow(0.9, t)));
    k.biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(0.999, t));
    k.eps = eps;
    if (decoupled) {
        k.decoupledDecayFactor = 1.0 - 1e-3 * weightDecay;
    } else {
        k.l2WeightDecay = weightDecay;
    }
    return k;
}

TEST(AdamStep, TheKernelIsAFunctionOfTheCpu) {
    CpuFeatures cpu;
    EXPECT_EQ(chooseAdamKernel(cpu), AdamKernel::Plain);
    cpu.avx2 = true;
    EXPECT_EQ(chooseAdamKernel(cpu), AdamKernel::Plain);  // no FMA: torch rounds apart too
    cpu.fma = true;
#if defined(__x86_64__)
    EXPECT_EQ(chooseAdamKernel(cpu), AdamKernel::FusedAvx2);
    cpu.avx512f = true;
    EXPECT_EQ(chooseAdamKernel(cpu), AdamKernel::FusedAvx512);
#endif
    EXPECT_EQ(adamKernel(), chooseAdamKernel(detectCpuFeatures()));
}

TEST(AdamStep, Avx512GivesTheBitsOfTheAvx2Loop) {
    const CpuFeatures cpu = detectCpuFeatures();
    if (chooseAdamKernel(cpu) != AdamKernel::FusedAvx512) {
        GTEST_SKIP() << "this CPU has no AVX-512";
    }
    int cases = 0;
    for (const bool amsgrad : {false, true}) {
        for (const bool decoupled : {false, true}) {
            for (const double weightDecay : {0.0, 0.01}) {
                for (const double eps : {1e-8, 1e-300, 0.5}) {
                    AdamData wide = trickyData(static_cast<std::uint64_t>(++cases));
                    AdamData narrow = wide;
                    for (int step = 1; step <= 30; ++step) {  // the moments evolve
                        const auto k = constantsFor(step, decoupled, weightDecay, eps);
                        adamStep(AdamKernel::FusedAvx512, k, wide.arrays(amsgrad));
                        adamStep(AdamKernel::FusedAvx2, k, narrow.arrays(amsgrad));
                    }
                    SCOPED_TRACE(::testing::Message()
                                 << "amsgrad " << amsgrad << ", decoupled " << decoupled << ", wd "
                                 << weightDecay << ", eps " << eps);
                    EXPECT_TRUE(sameBits(wide.params, narrow.params));
                    EXPECT_TRUE(sameBits(wide.expAvg, narrow.expAvg));
                    EXPECT_TRUE(sameBits(wide.expAvgSq, narrow.expAvgSq));
                    EXPECT_TRUE(sameBits(wide.maxExpAvgSq, narrow.maxExpAvgSq));
                }
            }
        }
    }
}

TEST(AdamStep, Avx512RoundsLikeTheHardwareOnMillionsOfOrdinaryValues) {
    // The fast square root and divisions are proven per lane; this samples that they are taken
    // (a wrong proof would show as differences from the hardware's sqrt and division).
    if (chooseAdamKernel(detectCpuFeatures()) != AdamKernel::FusedAvx512) {
        GTEST_SKIP() << "this CPU has no AVX-512";
    }
    std::mt19937_64 engine(99);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    std::uniform_int_distribution<int> exponent(-60, 20);
    AdamData d;
    constexpr std::size_t kCount = 1 << 18;
    for (std::size_t i = 0; i < kCount; ++i) {
        const double scale = std::ldexp(1.0, exponent(engine));
        d.params.push_back(uniform(engine));
        d.grad.push_back(scale * uniform(engine));
        d.expAvg.push_back(scale * uniform(engine));
        d.expAvgSq.push_back(scale * scale * std::abs(uniform(engine)));
    }
    d.maxExpAvgSq = d.expAvgSq;
    AdamData narrow = d;
    for (int step = 1; step <= 8; ++step) {
        const auto k = constantsFor(step, false, 0.0, 1e-8);
        adamStep(AdamKernel::FusedAvx512, k, d.arrays(false));
        adamStep(AdamKernel::FusedAvx2, k, narrow.arrays(false));
    }
    EXPECT_TRUE(sameBits(d.params, narrow.params));
}

// Each rounding spelled out: a volatile holds a rounded product, so the compiler cannot fuse
// it into the next addition.
double rounded(double x) {
    volatile double held = x;
    return held;
}

TEST(AdamStep, PlainRoundsEveryOperationApartAndTheFusedKernelsFuseWhereTorchDoes) {
    const auto k = constantsFor(2, false, 0.0, 1e-8);
    const double p0 = 0.5, g = 0.3, m0 = 0.1, v0 = 0.02;
    const auto run = [&](AdamKernel kernel) {
        AdamData d;
        d.params = {p0};
        d.grad = {g};
        d.expAvg = {m0};
        d.expAvgSq = {v0};
        adamStep(kernel, k, d.arrays(false));
        return d;
    };
    const auto update = [&](double m, double v) {
        const double denominator = rounded(std::sqrt(v) / k.biasCorrection2Sqrt) + k.eps;
        return p0 + rounded(k.negativeStepSize * m) / denominator;
    };
    const AdamData plain = run(AdamKernel::Plain);
    const double mPlain = rounded(m0 * 0.9) + rounded(g * 0.1);
    const double vPlain = rounded(v0 * 0.999) + rounded(rounded(0.001 * g) * g);
    EXPECT_EQ(plain.expAvg[0], mPlain);
    EXPECT_EQ(plain.expAvgSq[0], vPlain);
    EXPECT_EQ(plain.params[0], update(mPlain, vPlain));
    if (chooseAdamKernel(detectCpuFeatures()) == AdamKernel::Plain) {
        return;  // no FMA here
    }
    const double mFused = std::fma(g, 0.1, rounded(m0 * 0.9));
    const double vFused = std::fma(rounded(0.001 * g), g, rounded(v0 * 0.999));
    for (const AdamKernel kernel : {AdamKernel::FusedAvx2, chooseAdamKernel(detectCpuFeatures())}) {
        const AdamData fused = run(kernel);
        EXPECT_EQ(fused.expAvg[0], mFused);
        EXPECT_EQ(fused.expAvgSq[0], vFused);
        EXPECT_EQ(fused.params[0], update(mFused, vFused));
    }
}

}  // namespace
}  // namespace lrscope::core
