// Adam's element loop (core/optim/adam_step.hpp): its kernels and their roundings.

#include <gtest/gtest.h>

#include <algorithm>
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

// Gradients and moments of every size Adam meets, and the values a vectorised loop must treat as
// the scalar one does: zeros, subnormals, powers of two and four, huge and non-finite numbers.
// 1003 elements: whole vectors and a tail.
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

// Each rounding spelled out: a volatile holds a rounded product, so the compiler cannot fuse
// it into the next addition.
double rounded(double x) {
    volatile double held = x;
    return held;
}

// adam_step.hpp's definition, one element at a time, each rounding explicit.
void referenceStep(bool fused, const AdamStepConstants& k, AdamData& d, bool amsgrad) {
    const auto mulAdd = [fused](double x, double y, double z) {
        return fused ? std::fma(x, y, z) : rounded(x * y) + z;
    };
    for (std::size_t i = 0; i < d.params.size(); ++i) {
        double g = d.grad[i];
        double p = d.params[i];
        if (k.l2WeightDecay != 0.0) {
            g = mulAdd(p, k.l2WeightDecay, g);
        }
        if (k.decoupledDecayFactor != 1.0) {
            p = p * k.decoupledDecayFactor;
        }
        const double m = mulAdd(g, k.oneMinusBeta1, rounded(d.expAvg[i] * k.beta1));
        const double v = mulAdd(rounded(k.oneMinusBeta2 * g), g, rounded(d.expAvgSq[i] * k.beta2));
        d.expAvg[i] = m;
        d.expAvgSq[i] = v;
        double second = v;
        if (amsgrad) {
            second = std::max(d.maxExpAvgSq[i], v);
            d.maxExpAvgSq[i] = second;
        }
        const double denominator = rounded(std::sqrt(second) / k.biasCorrection2Sqrt) + k.eps;
        d.params[i] = p + rounded(k.negativeStepSize * m) / denominator;
    }
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
    EXPECT_EQ(chooseAdamKernel(cpu), AdamKernel::FusedAvx2);
#endif
    EXPECT_EQ(adamKernel(), chooseAdamKernel(detectCpuFeatures()));
}

TEST(AdamStep, EveryKernelAndOptionGivesTheBitsOfTheDefinition) {
    // The vectorised loops against the scalar definition, over ordinary and tricky values.
    const bool haveFma = chooseAdamKernel(detectCpuFeatures()) == AdamKernel::FusedAvx2;
    int cases = 0;
    for (const AdamKernel kernel : {AdamKernel::Plain, AdamKernel::FusedAvx2}) {
        if (kernel == AdamKernel::FusedAvx2 && !haveFma) {
            continue;
        }
        for (const bool amsgrad : {false, true}) {
            for (const bool decoupled : {false, true}) {
                for (const double weightDecay : {0.0, 0.01}) {
                    AdamData ours = trickyData(static_cast<std::uint64_t>(++cases));
                    AdamData expected = ours;
                    for (int step = 1; step <= 30; ++step) {
                        const auto k = constantsFor(step, decoupled, weightDecay, 1e-8);
                        adamStep(kernel, k, ours.arrays(amsgrad));
                        referenceStep(kernel == AdamKernel::FusedAvx2, k, expected, amsgrad);
                    }
                    SCOPED_TRACE(::testing::Message()
                                 << "kernel " << static_cast<int>(kernel) << ", amsgrad " << amsgrad
                                 << ", decoupled " << decoupled << ", wd " << weightDecay);
                    EXPECT_TRUE(sameBits(ours.params, expected.params));
                    EXPECT_TRUE(sameBits(ours.expAvg, expected.expAvg));
                    EXPECT_TRUE(sameBits(ours.expAvgSq, expected.expAvgSq));
                    EXPECT_TRUE(sameBits(ours.maxExpAvgSq, expected.maxExpAvgSq));
                }
            }
        }
    }
    EXPECT_GE(cases, 8);
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
    const AdamData fused = run(AdamKernel::FusedAvx2);
    EXPECT_EQ(fused.expAvg[0], mFused);
    EXPECT_EQ(fused.expAvgSq[0], vFused);
    EXPECT_EQ(fused.params[0], update(mFused, vFused));
}

}  // namespace
}  // namespace lrscope::core
