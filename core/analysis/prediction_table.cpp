#include "core/analysis/prediction_table.hpp"

#include <algorithm>

#include "core/analysis/prediction.hpp"
#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::core {

namespace {

std::optional<size_t> labelColumn(const ModelBlock* block, const CsvTable& data,
                                  const PredictionOptions& options, const std::string& dataSource) {
    if (options.target) {
        return findTargetColumn(data, *options.target, dataSource);
    }
    if (block != nullptr && !block->target.empty()) {
        const auto it = std::find(data.header.begin(), data.header.end(), block->target);
        if (it != data.header.end()) {
            return static_cast<size_t>(it - data.header.begin());
        }
    }
    return std::nullopt;
}

std::string columnList(const CsvTable& data, const std::vector<size_t>& columns) {
    std::string names;
    for (const size_t c : columns) {
        names += (names.empty() ? "" : ", ") + quotedForMessage(data.header[c], 30);
    }
    return names;
}

// RFC 4180: a field holding a separator, a quote or a line break is quoted, quotes doubled.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

}  // namespace

std::string predictionCsv(const WeightsFileContents& model, const CsvTable& data,
                          const PredictionOptions& options, const std::string& dataSource,
                          const std::string& weightsSource) {
    const ModelBlock* block = model.model ? &*model.model : nullptr;
    const NetworkWeights& weights = model.weights;
    const Eigen::Index inputs = weights.layers.front().weight.cols();
    const Eigen::Index outputs = weights.layers.back().weight.rows();

    if (data.header.empty() || data.rows.empty()) {
        throw InputError(dataSource +
                         ": no data rows; expected a header row and at least one "
                         "data row");
    }
    const std::optional<size_t> label = labelColumn(block, data, options, dataSource);
    std::vector<size_t> featureColumns;
    for (size_t c = 0; c < data.header.size(); ++c) {
        if (c != label) {
            featureColumns.push_back(c);
        }
    }
    if (static_cast<Eigen::Index>(featureColumns.size()) != inputs) {
        throw InputError(dataSource + ": " + std::to_string(featureColumns.size()) +
                         (featureColumns.size() == 1 ? " feature column (" : " feature columns (") +
                         columnList(data, featureColumns) + "), but the network in " +
                         weightsSource + " takes " + std::to_string(inputs) + " inputs" +
                         (label ? "" : "; name the label column with --target"));
    }

    Matrix features(inputs, static_cast<Eigen::Index>(data.rows.size()));
    for (size_t r = 0; r < data.rows.size(); ++r) {
        for (size_t f = 0; f < featureColumns.size(); ++f) {
            features(static_cast<Eigen::Index>(f), static_cast<Eigen::Index>(r)) =
                numericCell(data, r, featureColumns[f], dataSource, "feature ");
        }
    }
    if (block != nullptr && block->inputMean.size() == inputs) {
        features =
            ((features.colwise() - block->inputMean).array().colwise() / block->inputStd.array())
                .matrix();
    }

    const Activation activation = options.activation.value_or(
        block != nullptr && block->activation ? *block->activation : Activation::Tanh);
    const LossKind defaultLoss = outputs >= 2 ? LossKind::CrossEntropy : LossKind::Mse;
    const LossKind loss =
        options.loss.value_or(block != nullptr && block->loss ? *block->loss : defaultLoss);
    const Predictions result = predict(networkFromWeights(weights, activation), loss, features);
    const std::vector<std::string> noNames;
    const std::vector<std::string>& classNames = block != nullptr ? block->classNames : noNames;

    std::string out;
    for (Eigen::Index k = 0; k < outputs; ++k) {
        out += (k == 0 ? "output_" : ",output_") + std::to_string(k);
    }
    if (loss == LossKind::CrossEntropy) {
        for (Eigen::Index k = 0; k < outputs; ++k) {
            out += ",prob_" + std::to_string(k);
        }
        out += ",predicted";
    }
    out += '\n';
    for (Eigen::Index j = 0; j < result.outputs.cols(); ++j) {
        for (Eigen::Index k = 0; k < outputs; ++k) {
            out += (k == 0 ? "" : ",") + formatNumber(result.outputs(k, j));
        }
        if (loss == LossKind::CrossEntropy) {
            for (Eigen::Index k = 0; k < outputs; ++k) {
                out += "," + formatNumber(result.probabilities(k, j));
            }
            const int best = result.predicted[static_cast<size_t>(j)];
            out += "," + (classNames.empty() ? std::to_string(best)
                                             : csvField(classNames[static_cast<size_t>(best)]));
        }
        out += '\n';
    }
    return out;
}

}  // namespace lrscope::core
