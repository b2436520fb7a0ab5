#include "core/optim/sgd.hpp"

#include <cassert>

#include "core/optim/torch_arithmetic.hpp"

// Compiled with -ffp-contract=off (core/CMakeLists.txt): the fused multiply-adds are the ones
// torch's kernels fuse, written as mulAdd<true> (core/optim/torch_arithmetic.hpp).

namespace lrscope::core {

namespace {

using Index = Eigen::Index;

// The arrays and numbers of one SGD step; buffer is null without momentum.
struct SgdPass {
    Index count = 0;
    double* params = nullptr;
    const double* grad = nullptr;
    double* buffer = nullptr;
    bool firstStep = false;  // the buffer starts as a copy of the gradient
    double weightDecay = 0.0;
    double momentum = 0.0;
    double oneMinusDampening = 1.0;
    bool nesterov = false;
    double negativeLr = 0.0;
};

// torch 1.13 _single_tensor_sgd per element, in one pass over the arrays:
//   g = g.add(p, alpha=wd);  b = g (first step) or b.mul_(momentum).add_(g, alpha=1 - dampening);
//   d = nesterov ? g.add(b, alpha=momentum) : b;  p.add_(d, alpha=-lr)
template <bool Fused>
[[gnu::always_inline]] inline void sgdElements(const SgdPass& s) {
    const bool decay = s.weightDecay != 0.0;
    for (Index i = 0; i < s.count; ++i) {
        double g = s.grad[i];
        const double p = s.params[i];
        if (decay) {
            g = mulAdd<Fused>(p, s.weightDecay, g);
        }
        double direction = g;
        if (s.buffer != nullptr) {
            const double b =
                s.firstStep ? g : mulAdd<Fused>(g, s.oneMinusDampening, s.buffer[i] * s.momentum);
            s.buffer[i] = b;
            direction = s.nesterov ? mulAdd<Fused>(b, s.momentum, g) : b;
        }
        s.params[i] = mulAdd<Fused>(direction, s.negativeLr, p);
    }
}

void sgdPlain(const SgdPass& s) {
    sgdElements<false>(s);
}

#if defined(__x86_64__)
[[gnu::target("avx2,fma")]] void sgdFused(const SgdPass& s) {
    sgdElements<true>(s);
}
#endif

void sgdPass(const SgdPass& s) {
#if defined(__x86_64__)
    static const bool fused = torchFusesMultiplyAdds(detectCpuFeatures());
    if (fused) {
        sgdFused(s);
        return;
    }
#endif
    sgdPlain(s);
}

}  // namespace

SgdRule::SgdRule(const OptimizerSettings& settings, Eigen::Index parameterCount)
    : momentum_(settings.momentum),
      dampening_(settings.dampening),
      weightDecay_(settings.weightDecay),
      nesterov_(settings.kind == OptimizerKind::Nesterov),
      buffer_(Vector::Zero(momentum_ != 0.0 ? parameterCount : 0)) {}

void SgdRule::step(Vector& params, Vector& grad, double lr) {
    assert(params.size() == grad.size());
    assert(momentum_ == 0.0 || buffer_.size() == grad.size());
    SgdPass pass;
    pass.count = params.size();
    pass.params = params.data();
    pass.grad = grad.data();
    pass.buffer = momentum_ != 0.0 ? buffer_.data() : nullptr;
    pass.firstStep = !hasBuffer_;
    pass.weightDecay = weightDecay_;
    pass.momentum = momentum_;
    pass.oneMinusDampening = 1.0 - dampening_;
    pass.nesterov = nesterov_;
    pass.negativeLr = -lr;
    sgdPass(pass);
    hasBuffer_ = hasBuffer_ || momentum_ != 0.0;
}

OptimizerState SgdRule::state() const {
    OptimizerState state;
    if (hasBuffer_) {
        state.buffers.emplace_back("momentum_buffer", buffer_);
    }
    return state;
}

void SgdRule::restore(const OptimizerState& state) {
    hasBuffer_ = momentum_ != 0.0 && state.find("momentum_buffer") != nullptr;
    if (hasBuffer_) {
        buffer_ = requireBuffer(state, "momentum_buffer", buffer_.size());
    }
}

}  // namespace lrscope::core
