#include "core/nn/loss.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"

namespace lrscope::core {

namespace {

using Index = Eigen::Index;

// Cross-entropy works through the columns in passes of this many, so that the maxima and sums
// of a pass live on the stack and no batch allocates.
constexpr Index kColumnsPerPass = 64;
// exp(z - max) of one pass when the caller keeps no gradient (evaluation).
constexpr Index kExpScratch = 2048;

// One pass over columns [first, first + count) of z: exps (rows x count, contiguous) becomes
// exp(z - max) per column (the shift keeps exp from overflowing) and sums its column sums.
// Returns the pass's sum of -log softmax(z)[label] = log(sum) - (z[label] - max).
// Rows > 0 fixes the row count at compile time (short column loops cost more than their work
// for a few classes); 0 reads it from z.
template <std::size_t Rows>
double crossEntropyPassOf(const Matrix& z, Index first, Index count, const int* labels,
                          double* exps, double* sums) {
    const Index rows = Rows > 0 ? static_cast<Index>(Rows) : z.rows();
    double maxima[kColumnsPerPass];
    for (Index j = 0; j < count; ++j) {
        const double* column = z.data() + (first + j) * rows;
        double top = column[0];
        for (Index i = 1; i < rows; ++i) {
            top = column[i] > top ? column[i] : top;
        }
        maxima[j] = top;
        for (Index i = 0; i < rows; ++i) {
            exps[j * rows + i] = column[i] - top;
        }
    }
    // exp over the flat block: a linear traversal vectorises even for two-row outputs.
    Eigen::Map<Eigen::ArrayXd> flat(exps, rows * count);
    flat = flat.exp();
    for (Index j = 0; j < count; ++j) {
        double sum = 0.0;
        for (Index i = 0; i < rows; ++i) {
            sum += exps[j * rows + i];
        }
        sums[j] = sum;
    }
    double logSums[kColumnsPerPass];
    Eigen::Map<Eigen::ArrayXd>(logSums, count) =
        Eigen::Map<const Eigen::ArrayXd>(sums, count).log();
    double total = 0.0;
    for (Index j = 0; j < count; ++j) {
        total += logSums[j] - (z(labels[first + j], first + j) - maxima[j]);
    }
    return total;
}

using PassFunction = double (*)(const Matrix&, Index, Index, const int*, double*, double*);

template <std::size_t... Rows>
constexpr std::array<PassFunction, sizeof...(Rows)> makePasses(std::index_sequence<Rows...>) {
    return {&crossEntropyPassOf<Rows>...};
}

// kPasses[r] handles r rows (kPasses[0]: any count).
constexpr auto kPasses = makePasses(std::make_index_sequence<17>{});

double crossEntropyPass(const Matrix& z, Index first, Index count, const int* labels, double* exps,
                        double* sums) {
    const auto rows = static_cast<std::size_t>(z.rows());
    const PassFunction pass = rows < kPasses.size() ? kPasses[rows] : kPasses[0];
    return pass(z, first, count, labels, exps, sums);
}

// Sum over all columns of -log softmax(z)[label], without keeping the softmax.
double crossEntropySum(const Matrix& z, const int* labels) {
    const Index rows = z.rows();
    double stack[kExpScratch];
    std::vector<double> heap;  // only for outputs with more than kExpScratch rows
    double* exps = stack;
    Index perPass = std::min(kColumnsPerPass, kExpScratch / rows);
    if (rows > kExpScratch) {
        heap.resize(static_cast<std::size_t>(rows));
        exps = heap.data();
        perPass = 1;
    }
    double sums[kColumnsPerPass];
    double total = 0.0;
    for (Index first = 0; first < z.cols(); first += perPass) {
        const Index count = std::min(perPass, z.cols() - first);
        total += crossEntropyPass(z, first, count, labels, exps, sums);
    }
    return total;
}

double batchSize(const Matrix& outputs) {
    return static_cast<double>(outputs.cols());
}

}  // namespace

std::string_view lossName(LossKind loss) {
    return loss == LossKind::Mse ? "mse" : "cross_entropy";
}

LossKind parseLoss(std::string_view name) {
    if (name == "mse") {
        return LossKind::Mse;
    }
    if (name == "cross_entropy" || name == "cross-entropy" || name == "ce") {
        return LossKind::CrossEntropy;
    }
    throw InputError::setting(
        "loss", "unknown loss " + quotedForMessage(name, 60) + "; expected mse or cross_entropy");
}

double computeLoss(LossKind loss, const Matrix& outputs, const TargetsView& targets) {
    if (outputs.cols() == 0) {
        return 0.0;
    }
    if (loss == LossKind::Mse) {
        double sum = 0.0;
        if (targets.values != nullptr) {
            sum = (outputs - *targets.values).squaredNorm();
        } else {
            for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
                for (Eigen::Index i = 0; i < outputs.rows(); ++i) {
                    const double t = targets.labels[j] == i ? 1.0 : 0.0;
                    const double d = outputs(i, j) - t;
                    sum += d * d;
                }
            }
        }
        return sum / static_cast<double>(outputs.size());
    }
    return crossEntropySum(outputs, targets.labels) / batchSize(outputs);
}

double lossAndGradient(LossKind loss, const Matrix& outputs, const TargetsView& targets,
                       Matrix& grad) {
    grad.resize(outputs.rows(), outputs.cols());
    if (outputs.cols() == 0) {
        return 0.0;
    }
    if (loss == LossKind::Mse) {
        if (targets.values != nullptr) {
            grad = outputs - *targets.values;
        } else {
            grad = outputs;
            for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
                grad(targets.labels[j], j) -= 1.0;
            }
        }
        const double value = grad.squaredNorm() / static_cast<double>(outputs.size());
        grad *= 2.0 / static_cast<double>(outputs.size());
        return value;
    }
    const double invBatch = 1.0 / batchSize(outputs);
    const Index rows = outputs.rows();
    double sums[kColumnsPerPass];
    double total = 0.0;
    for (Index first = 0; first < outputs.cols(); first += kColumnsPerPass) {
        const Index count = std::min(kColumnsPerPass, outputs.cols() - first);
        total += crossEntropyPass(outputs, first, count, targets.labels, grad.data() + first * rows,
                                  sums);
        // d/dz of the mean NLL: (softmax - onehot) / batch.
        for (Index j = first; j < first + count; ++j) {
            grad.col(j) *= invBatch / sums[j - first];
            grad(targets.labels[j], j) -= invBatch;
        }
    }
    return total * invBatch;
}

long countMisclassified(const Matrix& outputs, const int* labels) {
    long wrong = 0;
    for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
        Eigen::Index best = 0;
        outputs.col(j).maxCoeff(&best);
        if (best != labels[j]) {
            ++wrong;
        }
    }
    return wrong;
}

}  // namespace lrscope::core
