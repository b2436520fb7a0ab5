#include "core/optim/rmsprop.hpp"

#include <cassert>
#include <cmath>

#include "core/optim/torch_arithmetic.hpp"

// Compiled with -ffp-contract=off (core/CMakeLists.txt): the fused multiply-adds are the ones
// torch's kernels fuse, written as mulAdd<true> (core/optim/torch_arithmetic.hpp).

namespace lrscope::core {

RmsPropRule::RmsPropRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : alpha_(settings.alpha),
      eps_(settings.eps),
      weightDecay_(settings.weightDecay),
      momentum_(settings.momentum),
      centered_(settings.centered),
      squareAvg_(Vector::Zero(parameterCount)),
      gradAvg_(Vector::Zero(centered_ ? parameterCount : 0)),
      buffer_(Vector::Zero(momentum_ > 0.0 ? parameterCount : 0)) {}

namespace {

using Index = Eigen::Index;

// The arrays and numbers of one RMSprop step; gradAvg is null unless centered, buffer null
// without momentum.
struct RmsPropPass {
    Index count = 0;
    double* params = nullptr;
    const double* grad = nullptr;
    double* squareAvg = nullptr;
    double* gradAvg = nullptr;
    double* buffer = nullptr;
    double alpha = 0.99;
    double oneMinusAlpha = 0.01;
    double eps = 1e-8;
    double weightDecay = 0.0;
    double momentum = 0.0;
    double negativeLr = 0.0;
};

// torch 1.13 _single_tensor_rmsprop per element, in one pass:
//   g = g.add(p, alpha=wd);  v.mul_(alpha).addcmul_(g, g, value=1 - alpha)
//   centered: a.mul_(alpha).add_(g, alpha=1 - alpha);  s = v.addcmul(a, a, value=-1).sqrt_()
//   else s = v.sqrt();  s.add_(eps)
//   momentum: b.mul_(momentum).addcdiv_(g, s);  p.add_(b, alpha=-lr);  else p.addcdiv_(g, s,
//   value=-lr)
template <bool Fused, bool Centered, bool Momentum>
[[gnu::always_inline]] inline void rmsPropElements(const RmsPropPass& r) {
    double* __restrict params = r.params;
    const double* __restrict grad = r.grad;
    double* __restrict squareAvg = r.squareAvg;
    double* __restrict gradAvg = r.gradAvg;
    double* __restrict buffer = r.buffer;
    const bool decay = r.weightDecay != 0.0;
    for (Index i = 0; i < r.count; ++i) {
        const double p = params[i];
        const double g = decay ? mulAdd<Fused>(p, r.weightDecay, grad[i]) : grad[i];
        const double v = mulAdd<Fused>(r.oneMinusAlpha * g, g, squareAvg[i] * r.alpha);
        squareAvg[i] = v;
        double root = 0.0;
        if constexpr (Centered) {
            const double a = mulAdd<Fused>(g, r.oneMinusAlpha, gradAvg[i] * r.alpha);
            gradAvg[i] = a;
            root = std::sqrt(mulAdd<Fused>(-1.0 * a, a, v));
        } else {
            root = std::sqrt(v);
        }
        const double s = root + r.eps;
        if constexpr (Momentum) {
            const double b = buffer[i] * r.momentum + g / s;
            buffer[i] = b;
            params[i] = mulAdd<Fused>(b, r.negativeLr, p);
        } else {
            params[i] = p + (r.negativeLr * g) / s;
        }
    }
}

template <bool Centered, bool Momentum>
[[gnu::noinline]] void rmsPropPlain(const RmsPropPass& r) {
    rmsPropElements<false, Centered, Momentum>(r);
}

template <bool Centered, bool Momentum>
#if defined(__x86_64__)
[[gnu::noinline, gnu::target("avx2,fma")]]
#else
[[gnu::noinline]]  // never chosen without x86-64's FMA (torchFusesMultiplyAdds)
#endif
void rmsPropFused(const RmsPropPass& r) {
    rmsPropElements<true, Centered, Momentum>(r);
}

template <bool Centered, bool Momentum>
void rmsPropLoop(bool fused, const RmsPropPass& r) {
    if (fused) {
        rmsPropFused<Centered, Momentum>(r);
    } else {
        rmsPropPlain<Centered, Momentum>(r);
    }
}

void rmsPropPass(const RmsPropPass& r) {
    static const bool fused = torchFusesMultiplyAdds(detectCpuFeatures());
    const bool centered = r.gradAvg != nullptr;
    const bool momentum = r.buffer != nullptr;
    if (centered) {
        momentum ? rmsPropLoop<true, true>(fused, r) : rmsPropLoop<true, false>(fused, r);
    } else {
        momentum ? rmsPropLoop<false, true>(fused, r) : rmsPropLoop<false, false>(fused, r);
    }
}

}  // namespace

void RmsPropRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size() && squareAvg_.size() == grad.size());
    RmsPropPass pass;
    pass.count = params.size();
    pass.params = params.data();
    pass.grad = grad.data();
    pass.squareAvg = squareAvg_.data();
    pass.gradAvg = centered_ ? gradAvg_.data() : nullptr;
    pass.buffer = momentum_ > 0.0 ? buffer_.data() : nullptr;
    pass.alpha = alpha_;
    pass.oneMinusAlpha = 1.0 - alpha_;
    pass.eps = eps_;
    pass.weightDecay = weightDecay_;
    pass.momentum = momentum_;
    pass.negativeLr = -lr;
    rmsPropPass(pass);
}

OptimizerState RmsPropRule::state() const {
    OptimizerState state{0, {{"square_avg", squareAvg_}}};
    if (centered_) {
        state.buffers.emplace_back("grad_avg", gradAvg_);
    }
    if (momentum_ > 0.0) {
        state.buffers.emplace_back("momentum_buffer", buffer_);
    }
    return state;
}

void RmsPropRule::restore(const OptimizerState& state) {
    squareAvg_ = requireBuffer(state, "square_avg", squareAvg_.size());
    if (centered_) {
        gradAvg_ = requireBuffer(state, "grad_avg", gradAvg_.size());
    }
    if (momentum_ > 0.0) {
        buffer_ = requireBuffer(state, "momentum_buffer", buffer_.size());
    }
}

}  // namespace lrscope::core
