#include "core/loss.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace lrscope::core {

namespace {

// Cross-entropy of one column of logits: logsumexp(z) - z[label], shifted by the maximum so
// exp never overflows.
double columnCrossEntropy(const Matrix& outputs, Eigen::Index col, int label, double& maxOut,
                          double& sumExp) {
    maxOut = outputs.col(col).maxCoeff();
    sumExp = (outputs.col(col).array() - maxOut).exp().sum();
    return maxOut + std::log(sumExp) - outputs(label, col);
}

double batchSize(const Matrix& outputs) { return static_cast<double>(outputs.cols()); }

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
    throw InputError("--loss: unknown loss '" + std::string(name) +
                     "'; expected mse or cross_entropy");
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
    double sum = 0.0;
    double maxOut = 0.0;
    double sumExp = 0.0;
    for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
        sum += columnCrossEntropy(outputs, j, targets.labels[j], maxOut, sumExp);
    }
    return sum / batchSize(outputs);
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
    double sum = 0.0;
    double maxOut = 0.0;
    double sumExp = 0.0;
    for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
        const int label = targets.labels[j];
        sum += columnCrossEntropy(outputs, j, label, maxOut, sumExp);
        grad.col(j) = (outputs.col(j).array() - maxOut).exp() * (invBatch / sumExp);
        grad(label, j) -= invBatch;
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
