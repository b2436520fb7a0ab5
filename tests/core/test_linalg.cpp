#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "core/nn/linalg.hpp"

namespace lrscope::core {
namespace {

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& engine) {
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    Matrix m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j) {
        for (Eigen::Index i = 0; i < rows; ++i) {
            m(i, j) = uniform(engine);
        }
    }
    return m;
}

// Plain triple loop: the definition multiply() must agree with.
Matrix reference(const Matrix& a, Transpose ta, const Matrix& b, Transpose tb) {
    const Matrix opA = ta == Transpose::Yes ? Matrix(a.transpose()) : a;
    const Matrix opB = tb == Transpose::Yes ? Matrix(b.transpose()) : b;
    Matrix c = Matrix::Zero(opA.rows(), opB.cols());
    for (Eigen::Index i = 0; i < c.rows(); ++i) {
        for (Eigen::Index j = 0; j < c.cols(); ++j) {
            double sum = 0.0;
            for (Eigen::Index k = 0; k < opA.cols(); ++k) {
                sum += opA(i, k) * opB(k, j);
            }
            c(i, j) = sum;
        }
    }
    return c;
}

// Shapes (m, k, n) on both sides of the BLAS threshold (4096 multiply-adds).
struct Shape {
    Eigen::Index m, k, n;
};
constexpr Shape kShapes[] = {{3, 4, 5}, {8, 8, 10}, {16, 16, 16}, {64, 32, 33}, {128, 64, 32}};

TEST(Linalg, MultiplyMatchesTheDefinitionForEveryTransposeOnBothPaths) {
    std::mt19937_64 engine(7);
    for (const Shape& s : kShapes) {
        for (const Transpose ta : {Transpose::No, Transpose::Yes}) {
            for (const Transpose tb : {Transpose::No, Transpose::Yes}) {
                const Matrix a = ta == Transpose::Yes ? randomMatrix(s.k, s.m, engine)
                                                      : randomMatrix(s.m, s.k, engine);
                const Matrix b = tb == Transpose::Yes ? randomMatrix(s.n, s.k, engine)
                                                      : randomMatrix(s.k, s.n, engine);
                Matrix c(s.m, s.n);
                multiply(a, ta, b, tb, c);
                const Matrix expected = reference(a, ta, b, tb);
                EXPECT_LE((c - expected).cwiseAbs().maxCoeff(), 1e-12 * static_cast<double>(s.k))
                    << s.m << "x" << s.k << "x" << s.n;
            }
        }
    }
}

TEST(Linalg, MultiplyHonoursTheStrideOfABlock) {
    std::mt19937_64 engine(11);
    const Matrix big = randomMatrix(80, 70, engine);
    const Matrix b = randomMatrix(40, 30, engine);
    Matrix out = Matrix::Constant(90, 40, 5.0);
    // 50 x 40 x 30 = 60,000 multiply-adds: the BLAS path, with leading dimensions 80 and 90.
    multiply(big.block(3, 2, 50, 40), Transpose::No, b, Transpose::No, out.block(1, 4, 50, 30));
    const Matrix expected = reference(big.block(3, 2, 50, 40), Transpose::No, b, Transpose::No);
    EXPECT_LE((out.block(1, 4, 50, 30) - expected).cwiseAbs().maxCoeff(), 1e-12 * 40);
    EXPECT_EQ((out.block(0, 0, 1, 40).array() != 5.0).count(), 0);  // untouched around it
    EXPECT_EQ((out.block(51, 0, 39, 40).array() != 5.0).count(), 0);
    EXPECT_EQ((out.block(1, 0, 50, 4).array() != 5.0).count(), 0);
    EXPECT_EQ((out.block(1, 34, 50, 6).array() != 5.0).count(), 0);
}

TEST(Linalg, AffineMapOnTheBlasPathStartsFromTheBias) {
    std::mt19937_64 engine(13);
    // 64 x 32 x 33: one block of the BLAS kernel's inner size, so bias first (torch.addmm's
    // order) and bias last give each element as RN(sum + bias): the same bits.
    const Matrix w = randomMatrix(64, 32, engine);
    const Matrix x = randomMatrix(32, 33, engine);
    const Vector bias = randomMatrix(64, 1, engine);
    Matrix affine(64, 33);
    multiplyAddBias(w, x, bias, affine);
    Matrix separate(64, 33);
    multiply(w, Transpose::No, x, Transpose::No, separate);
    separate.colwise() += bias;
    EXPECT_EQ((affine.array() != separate.array()).count(), 0);
    // A long inner size (several blocks): the definition, to rounding.
    const Matrix wide = randomMatrix(40, 900, engine);
    const Matrix tall = randomMatrix(900, 20, engine);
    const Vector shift = randomMatrix(40, 1, engine);
    Matrix z(40, 20);
    multiplyAddBias(wide, tall, shift, z);
    Matrix expected = reference(wide, Transpose::No, tall, Transpose::No);
    expected.colwise() += shift;
    EXPECT_LE((z - expected).cwiseAbs().maxCoeff(), 1e-12 * 900);
}

// Runs train on parallel threads, each calling BLAS. Debian's serial OpenBLAS is not safe for
// that (its shared buffers mix concurrent products); the default build with one thread per
// call is. Every concurrent product must equal the same product computed alone, bit for bit.
TEST(Linalg, ConcurrentProductsOnTheBlasPathEqualTheSameProductsAlone) {
    constexpr size_t kThreads = 4;
    constexpr int kRepeats = 500;
    std::mt19937_64 engine(5);
    std::vector<Matrix> as;
    std::vector<Matrix> bs;
    std::vector<Matrix> expected;
    for (size_t t = 0; t < kThreads; ++t) {
        as.push_back(randomMatrix(96, static_cast<Eigen::Index>(64 + 8 * t), engine));
        bs.push_back(randomMatrix(static_cast<Eigen::Index>(64 + 8 * t), 80, engine));
        expected.emplace_back(96, 80);
        multiply(as.back(), Transpose::No, bs.back(), Transpose::No, expected.back());
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (size_t t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            Matrix c(96, 80);
            for (int r = 0; r < kRepeats; ++r) {
                multiply(as[t], Transpose::No, bs[t], Transpose::No, c);
                if (c != expected[t]) {
                    ++mismatches;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace lrscope::core
