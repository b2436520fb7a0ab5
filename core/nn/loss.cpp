#include "core/nn/loss.hpp"

#include <cmath>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"

namespace lrscope::core {

namespace {

// Column maxima and sums of exp(z - max): the shift keeps exp from overflowing.
struct SoftmaxSums {
    Eigen::RowVectorXd maxima;
    Eigen::RowVectorXd sums;
};

// Fills exps = exp(z - max) for every column at once (vectorised).
SoftmaxSums softmaxParts(const Matrix& outputs, Matrix& exps) {
    SoftmaxSums parts;
    parts.maxima = outputs.colwise().maxCoeff();
    exps = outputs.rowwise() - parts.maxima;
    // exp over the flat storage: a linear traversal vectorises even for two-row outputs.
    Eigen::Map<Eigen::ArrayXd> flat(exps.data(), exps.size());
    flat = flat.exp();
    parts.sums = exps.colwise().sum();
    return parts;
}

// Sum over columns of -log softmax(z)[label] = log(sum) - (z[label] - max).
double crossEntropySum(const Matrix& outputs, const SoftmaxSums& parts, const int* labels) {
    const Eigen::RowVectorXd logSums = parts.sums.array().log().matrix();
    double sum = 0.0;
    for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
        sum += logSums[j] - (outputs(labels[j], j) - parts.maxima[j]);
    }
    return sum;
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
    Matrix exps;
    const SoftmaxSums parts = softmaxParts(outputs, exps);
    return crossEntropySum(outputs, parts, targets.labels) / batchSize(outputs);
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
    const SoftmaxSums parts = softmaxParts(outputs, grad);
    const double sum = crossEntropySum(outputs, parts, targets.labels);
    // d/dz of the mean NLL: (softmax - onehot) / batch.
    grad.array().rowwise() *= (invBatch / parts.sums.array());
    for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
        grad(targets.labels[j], j) -= invBatch;
    }
    return sum * invBatch;
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
