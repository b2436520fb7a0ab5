#pragma once

#include <optional>
#include <string>

#include "core/data/csv_reader.hpp"
#include "core/io/weights_file.hpp"

namespace lrscope::core {

// What `lrscope-cli predict` may set over the weights file's model block.
struct PredictionOptions {
    std::optional<std::string> target;  // the label column to drop: name or 0-based index
    std::optional<Activation> activation;
    std::optional<LossKind> loss;
};

// Runs every row of `data` through the network of `model` and returns the CSV text: columns
// output_0..output_{K-1} (raw outputs) and, for cross-entropy, prob_0..prob_{K-1},predicted,
// where predicted is the class name from the model block (the label as the training data
// wrote it) or, without names, the class index.
//
// Features are every column except the label column: options.target if given, else the
// model block's target when the data has a column of that name, else none. They are
// standardised with the model block's input_mean/input_std when present, else used as given.
// The activation and loss come from the options, then the model block, then the defaults
// tanh and (cross_entropy with two or more outputs, mse with one). Throws InputError naming
// `dataSource` or `weightsSource` and what was expected.
std::string predictionCsv(const WeightsFileContents& model, const CsvTable& data,
                          const PredictionOptions& options, const std::string& dataSource,
                          const std::string& weightsSource);

}  // namespace lrscope::core
