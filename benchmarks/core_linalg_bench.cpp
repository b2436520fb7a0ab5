// core::multiply at the shapes the networks of the benchmarks produce, against Eigen's own
// product and OpenBLAS called directly (with the kernel core chose for this machine), to place
// the dispatch threshold in core/nn/linalg.cpp.
#include <benchmark/benchmark.h>

#include <iterator>
#include <string>

#include "core/nn/blas_backend.hpp"
#include "core/nn/linalg.hpp"

namespace {

using lrscope::core::Matrix;
using lrscope::core::Transpose;

// C[m x n] = op(A) * op(B) with inner dimension k. ta/tb as in the backward pass:
// forward  W[out x in] * X[in x b]            (N, N)
// weight   D[out x b] * X[in x b]^T           (N, T)
// input    W[out x in]^T * D[out x b]          (T, N)
struct Case {
    const char* name;
    Eigen::Index m, n, k;
    Transpose ta, tb;
};

const Case kCases[] = {
    {"tiny fwd 8x10 k2", 8, 10, 2, Transpose::No, Transpose::No},
    {"tiny fwd 2x10 k8", 2, 10, 8, Transpose::No, Transpose::No},
    {"tiny wgrad 2x8 k10", 2, 8, 10, Transpose::No, Transpose::Yes},
    {"tiny dgrad 8x10 k2", 8, 10, 2, Transpose::Yes, Transpose::No},
    {"small fwd 8x10 k8", 8, 10, 8, Transpose::No, Transpose::No},
    {"small wgrad 8x8 k10", 8, 8, 10, Transpose::No, Transpose::Yes},
    {"small dgrad 8x10 k8", 8, 10, 8, Transpose::Yes, Transpose::No},
    {"small eval 8x500 k8", 8, 500, 8, Transpose::No, Transpose::No},
    {"medium fwd 128x32 k64", 128, 32, 64, Transpose::No, Transpose::No},
    {"medium fwd 64x32 k128", 64, 32, 128, Transpose::No, Transpose::No},
    {"medium fwd 10x32 k64", 10, 32, 64, Transpose::No, Transpose::No},
    {"medium wgrad 128x64 k32", 128, 64, 32, Transpose::No, Transpose::Yes},
    {"medium wgrad 10x64 k32", 10, 64, 32, Transpose::No, Transpose::Yes},
    {"medium dgrad 64x32 k10", 64, 32, 10, Transpose::Yes, Transpose::No},
    {"medium dgrad 128x32 k64", 128, 32, 64, Transpose::Yes, Transpose::No},
    {"medium eval 128x512 k64", 128, 512, 64, Transpose::No, Transpose::No},
    {"large fwd 512x128 k512", 512, 128, 512, Transpose::No, Transpose::No},
    {"large wgrad 512x512 k128", 512, 512, 128, Transpose::No, Transpose::Yes},
    {"large dgrad 512x128 k512", 512, 128, 512, Transpose::Yes, Transpose::No},
};

struct Operands {
    explicit Operands(const Case& shape)
        : a(shape.ta == Transpose::Yes ? Matrix::Random(shape.k, shape.m)
                                       : Matrix::Random(shape.m, shape.k)),
          b(shape.tb == Transpose::Yes ? Matrix::Random(shape.n, shape.k)
                                       : Matrix::Random(shape.k, shape.n)),
          c(shape.m, shape.n) {}
    Matrix a, b, c;
};

void finish(benchmark::State& state, const Case& c, const char* path) {
    state.SetLabel(std::string(path) + " " + c.name);
    state.counters["GFLOP/s"] = benchmark::Counter(
        2.0 * static_cast<double>(c.m * c.n * c.k) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate, benchmark::Counter::kIs1000);
}

// What the network calls.
void BM_MultiplyDispatch(benchmark::State& state) {
    const Case& c = kCases[state.range(0)];
    Operands o(c);
    for (auto _ : state) {
        lrscope::core::multiply(o.a, c.ta, o.b, c.tb, o.c);
        benchmark::DoNotOptimize(o.c.data());
        benchmark::ClobberMemory();
    }
    finish(state, c, "dispatch");
}

// Eigen's product (its blocked GEMM above tiny sizes).
void BM_MultiplyEigen(benchmark::State& state) {
    const Case& c = kCases[state.range(0)];
    Operands o(c);
    for (auto _ : state) {
        if (c.ta == Transpose::No && c.tb == Transpose::No) {
            o.c.noalias() = o.a * o.b;
        } else if (c.ta == Transpose::No) {
            o.c.noalias() = o.a * o.b.transpose();
        } else {
            o.c.noalias() = o.a.transpose() * o.b;
        }
        benchmark::DoNotOptimize(o.c.data());
        benchmark::ClobberMemory();
    }
    finish(state, c, "eigen");
}

// Eigen's coefficient-based (lazy) product: no packing, good for tiny matrices.
void BM_MultiplyEigenLazy(benchmark::State& state) {
    const Case& c = kCases[state.range(0)];
    Operands o(c);
    for (auto _ : state) {
        if (c.ta == Transpose::No && c.tb == Transpose::No) {
            o.c.noalias() = o.a.lazyProduct(o.b);
        } else if (c.ta == Transpose::No) {
            o.c.noalias() = o.a.lazyProduct(o.b.transpose());
        } else {
            o.c.noalias() = o.a.transpose().lazyProduct(o.b);
        }
        benchmark::DoNotOptimize(o.c.data());
        benchmark::ClobberMemory();
    }
    finish(state, c, "eigen-lazy");
}

// OpenBLAS's dgemm directly, single-threaded with the kernel core chose, as lrscope runs it.
void BM_MultiplyBlas(benchmark::State& state) {
    const lrscope::core::CblasDgemm dgemm = lrscope::core::BlasBackend::instance().dgemm();
    if (dgemm == nullptr) {
        state.SkipWithError(lrscope::core::blasDescription().c_str());
        return;
    }
    const Case& c = kCases[state.range(0)];
    Operands o(c);
    const auto trans = [](Transpose t) {
        return t == Transpose::Yes ? lrscope::core::kCblasTrans : lrscope::core::kCblasNoTrans;
    };
    for (auto _ : state) {
        dgemm(lrscope::core::kCblasColMajor, trans(c.ta), trans(c.tb), static_cast<int>(c.m),
              static_cast<int>(c.n), static_cast<int>(c.k), 1.0, o.a.data(),
              static_cast<int>(o.a.rows()), o.b.data(), static_cast<int>(o.b.rows()), 0.0,
              o.c.data(), static_cast<int>(o.c.rows()));
        benchmark::DoNotOptimize(o.c.data());
        benchmark::ClobberMemory();
    }
    const std::string path = "blas " + lrscope::core::BlasBackend::instance().selection().kernel;
    finish(state, c, path.c_str());
}

constexpr int kCaseCount = static_cast<int>(std::size(kCases));
BENCHMARK(BM_MultiplyDispatch)->DenseRange(0, kCaseCount - 1)->MinTime(0.05);
BENCHMARK(BM_MultiplyEigen)->DenseRange(0, kCaseCount - 1)->MinTime(0.05);
BENCHMARK(BM_MultiplyEigenLazy)->DenseRange(0, kCaseCount - 1)->MinTime(0.05);
BENCHMARK(BM_MultiplyBlas)->DenseRange(0, kCaseCount - 1)->MinTime(0.05);

}  // namespace
