#include "core/io/weights_file.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/io/json_messages.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormatName = "lrscope-weights";
constexpr int kFormatVersion = 1;

class WeightsReader {
public:
    explicit WeightsReader(const std::string& source) : source_(source) {}

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw InputError(source_ + ": " + (path.empty() ? "" : path + ": ") + message);
    }

    double number(const Json& value, const std::string& path) const {
        if (!value.is_number()) {
            fail(path, "expected a number, found " + describeJson(value));
        }
        const double x = value.get<double>();
        if (!std::isfinite(x)) {
            fail(path, "expected a finite number, found " + formatNumber(x));
        }
        return x;
    }

    const Json& member(const Json& object, const char* key, const std::string& path,
                       const std::string& expected) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(path, std::string("missing key \"") + key + "\"; expected " + expected);
        }
        return *it;
    }

    Matrix weight(const Json& value, const std::string& path) const {
        if (!value.is_array() || value.empty()) {
            fail(path,
                 "expected a non-empty array of rows ([out][in]), found " + describeJson(value));
        }
        const auto rows = static_cast<Eigen::Index>(value.size());
        Eigen::Index cols = 0;
        Matrix w;
        for (Eigen::Index r = 0; r < rows; ++r) {
            const Json& row = value[static_cast<size_t>(r)];
            const std::string rowPath = path + "[" + std::to_string(r) + "]";
            if (!row.is_array()) {
                fail(rowPath, "expected an array of numbers (one row of weights), found " +
                                  describeJson(row));
            }
            if (r == 0) {
                cols = static_cast<Eigen::Index>(row.size());
                if (cols == 0) {
                    fail(rowPath, "expected at least one number, found an empty row");
                }
                w.resize(rows, cols);
            } else if (static_cast<Eigen::Index>(row.size()) != cols) {
                fail(rowPath, "expected " + std::to_string(cols) + " numbers like " + path +
                                  "[0], found " + std::to_string(row.size()));
            }
            for (Eigen::Index c = 0; c < cols; ++c) {
                w(r, c) =
                    number(row[static_cast<size_t>(c)], rowPath + "[" + std::to_string(c) + "]");
            }
        }
        return w;
    }

    Vector bias(const Json& value, const std::string& path, Eigen::Index expected) const {
        if (!value.is_array()) {
            fail(path, "expected an array of " + std::to_string(expected) + " numbers, found " +
                           describeJson(value));
        }
        if (static_cast<Eigen::Index>(value.size()) != expected) {
            fail(path, "expected " + std::to_string(expected) +
                           " numbers (one per row of weight), found " +
                           std::to_string(value.size()));
        }
        Vector b(expected);
        for (Eigen::Index i = 0; i < expected; ++i) {
            b(i) = number(value[static_cast<size_t>(i)], path + "[" + std::to_string(i) + "]");
        }
        return b;
    }

    WeightsFileContents read(const Json& root) const {
        WeightsFileContents contents;
        contents.weights = layersOf(root);
        if (root.is_object()) {
            if (const auto it = root.find("model"); it != root.end()) {
                contents.model = model(*it, contents.weights);
            }
        }
        return contents;
    }

private:
    NetworkWeights layersOf(const Json& root) const {
        const Json* layers = &root;
        std::string prefix;  // JSON path of the layer array
        if (root.is_object()) {
            if (const auto it = root.find("format");
                it != root.end() && (!it->is_string() || it->get<std::string>() != kFormatName)) {
                fail("format",
                     "expected \"" + std::string(kFormatName) + "\", found " + describeJson(*it));
            }
            if (const auto it = root.find("version"); it != root.end() && *it != kFormatVersion) {
                fail("version", "expected " + std::to_string(kFormatVersion) + ", found " +
                                    describeJson(*it) + " (this lrscope reads version " +
                                    std::to_string(kFormatVersion) + ")");
            }
            layers = &member(root, "layers", "", "an array of layers");
            prefix = "layers";
        } else if (!root.is_array()) {
            fail("", "expected an object with \"layers\" or an array of layers, found " +
                         describeJson(root));
        }
        if (!layers->is_array()) {
            fail(prefix, "expected an array of layers, found " + describeJson(*layers));
        }
        if (layers->empty()) {
            fail(prefix, "expected at least one layer, found an empty array");
        }

        NetworkWeights weights;
        for (size_t l = 0; l < layers->size(); ++l) {
            const Json& layer = (*layers)[l];
            const std::string path = prefix + "[" + std::to_string(l) + "]";
            if (!layer.is_object()) {
                fail(path, "expected an object with \"weight\" and \"bias\", found " +
                               describeJson(layer));
            }
            LayerWeights lw;
            lw.weight =
                weight(member(layer, "weight", path, "weight rows [out][in]"), path + ".weight");
            lw.bias =
                bias(member(layer, "bias", path, "bias [out]"), path + ".bias", lw.weight.rows());
            if (l > 0) {
                const Eigen::Index previousOut = weights.layers.back().weight.rows();
                if (lw.weight.cols() != previousOut) {
                    fail(path + ".weight", "has " + std::to_string(lw.weight.cols()) +
                                               " inputs per row, but " + prefix + "[" +
                                               std::to_string(l - 1) + "] has " +
                                               std::to_string(previousOut) + " outputs; expected " +
                                               std::to_string(previousOut) + " numbers per row");
                }
            }
            weights.layers.push_back(std::move(lw));
        }
        return weights;
    }

    std::string text(const Json& value, const std::string& path) const {
        if (!value.is_string()) {
            fail(path, "expected a string, found " + describeJson(value));
        }
        return value.get<std::string>();
    }

    // A name that a core parser knows (an activation, a loss), with the parser's explanation
    // of what it expected under this JSON path.
    template <typename Parse>
    auto named(const Json& value, const std::string& path, Parse parse) const {
        const std::string name = text(value, path);
        try {
            return parse(name);
        } catch (const InputError& e) {
            fail(path, e.detail());
        }
    }

    Vector inputStatistic(const Json& value, const std::string& path, Eigen::Index inputs,
                          bool positive) const {
        if (!value.is_array() || static_cast<Eigen::Index>(value.size()) != inputs) {
            fail(path, "expected an array of " + std::to_string(inputs) +
                           " numbers (one per input of layers[0]), found " +
                           (value.is_array() ? std::to_string(value.size()) + " numbers"
                                             : describeJson(value)));
        }
        Vector v(inputs);
        for (Eigen::Index i = 0; i < inputs; ++i) {
            const std::string itemPath = path + "[" + std::to_string(i) + "]";
            v(i) = number(value[static_cast<size_t>(i)], itemPath);
            if (positive && !(v(i) > 0.0)) {
                fail(itemPath, "expected a number > 0, found " + formatNumber(v(i)));
            }
        }
        return v;
    }

    ModelBlock model(const Json& value, const NetworkWeights& weights) const {
        static constexpr const char* kKeys =
            "activation, loss, target, classes, input_mean or input_std";
        if (!value.is_object()) {
            fail("model", std::string("expected an object with ") + kKeys + ", found " +
                              describeJson(value));
        }
        const Eigen::Index inputs = weights.layers.front().weight.cols();
        const Eigen::Index outputs = weights.layers.back().weight.rows();
        ModelBlock block;
        for (const auto& [key, item] : value.items()) {
            // A key is file text: escaped, so the message stays on one line.
            const std::string path = "model." + escapedForMessage(key, 40);
            if (key == "activation") {
                block.activation = named(item, path, parseActivation);
            } else if (key == "loss") {
                block.loss = named(item, path, parseLoss);
            } else if (key == "target") {
                block.target = text(item, path);
            } else if (key == "classes") {
                if (!item.is_array() || static_cast<Eigen::Index>(item.size()) != outputs) {
                    fail(path, "expected an array of " + std::to_string(outputs) +
                                   " class names (one per output of the last layer), found " +
                                   (item.is_array() ? std::to_string(item.size()) + " names"
                                                    : describeJson(item)));
                }
                for (size_t i = 0; i < item.size(); ++i) {
                    block.classNames.push_back(text(item[i], path + "[" + std::to_string(i) + "]"));
                }
            } else if (key == "input_mean") {
                block.inputMean = inputStatistic(item, path, inputs, false);
            } else if (key == "input_std") {
                block.inputStd = inputStatistic(item, path, inputs, true);
            } else {
                fail(path, std::string("unknown key; expected ") + kKeys);
            }
        }
        if (block.inputMean.size() != block.inputStd.size()) {
            fail("model", std::string(block.inputMean.size() == 0 ? "input_std" : "input_mean") +
                              " is given without " +
                              (block.inputMean.size() == 0 ? "input_mean" : "input_std") +
                              "; expected both or neither");
        }
        return block;
    }

    const std::string& source_;
};

// A weight as JSON. Negative zero is written "-0.0": JSON readers (ours, Python's) take "-0"
// for the integer 0 and would lose its sign.
std::string jsonNumber(double value) {
    return value == 0.0 && std::signbit(value) ? "-0.0" : formatNumber(value);
}

void appendRow(std::string& out, const double* values, Eigen::Index count, Eigen::Index stride) {
    out += '[';
    for (Eigen::Index i = 0; i < count; ++i) {
        out += (i == 0 ? "" : ", ") + jsonNumber(values[i * stride]);
    }
    out += ']';
}

void checkFinite(const NetworkWeights& weights) {
    for (size_t l = 0; l < weights.layers.size(); ++l) {
        const auto& layer = weights.layers[l];
        if (!layer.weight.allFinite() || !layer.bias.allFinite()) {
            throw InputError("cannot save weights: layer " + std::to_string(l + 1) +
                             " holds NaN or infinite values (did the run diverge?)");
        }
    }
}

std::string jsonString(const std::string& text) {
    return Json(text).dump();
}

void appendModel(std::string& out, const ModelBlock& model) {
    std::vector<std::string> entries;
    if (model.activation) {
        entries.push_back("\"activation\": " +
                          jsonString(std::string(activationName(*model.activation))));
    }
    if (model.loss) {
        entries.push_back("\"loss\": " + jsonString(std::string(lossName(*model.loss))));
    }
    if (!model.target.empty()) {
        entries.push_back("\"target\": " + jsonString(model.target));
    }
    if (!model.classNames.empty()) {
        std::string classes = "\"classes\": [";
        for (size_t i = 0; i < model.classNames.size(); ++i) {
            classes += (i == 0 ? "" : ", ") + jsonString(model.classNames[i]);
        }
        entries.push_back(classes + "]");
    }
    if (model.inputMean.size() > 0) {
        std::string mean = "\"input_mean\": ";
        appendRow(mean, model.inputMean.data(), model.inputMean.size(), 1);
        std::string deviation = "\"input_std\": ";
        appendRow(deviation, model.inputStd.data(), model.inputStd.size(), 1);
        entries.push_back(mean);
        entries.push_back(deviation);
    }
    out += "  \"model\": {";
    for (size_t i = 0; i < entries.size(); ++i) {
        out += (i == 0 ? "\n    " : ",\n    ") + entries[i];
    }
    out += entries.empty() ? "},\n" : "\n  },\n";
}

void checkFinite(const ModelBlock& model) {
    if (!model.inputMean.allFinite() || !model.inputStd.allFinite()) {
        throw InputError(
            "cannot save weights: the input standardisation holds NaN or infinite "
            "values");
    }
}

}  // namespace

WeightsFileContents weightsFileFromJsonText(const std::string& text, const std::string& source) {
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::exception& e) {
        throw InputError(source + ": " + jsonParseErrorText(e.what()));
    }
    return WeightsReader(source).read(root);
}

WeightsFileContents readWeightsFileContents(const std::string& path) {
    return weightsFileFromJsonText(readFile(path), path);
}

NetworkWeights weightsFromJsonText(const std::string& text, const std::string& source) {
    return weightsFileFromJsonText(text, source).weights;
}

NetworkWeights readWeightsFile(const std::string& path) {
    return weightsFromJsonText(readFile(path), path);
}

std::string weightsToJsonText(const NetworkWeights& weights) {
    return weightsFileToJsonText({weights, std::nullopt});
}

std::string weightsFileToJsonText(const WeightsFileContents& contents) {
    const NetworkWeights& weights = contents.weights;
    checkFinite(weights);
    std::string out = "{\n  \"format\": \"" + std::string(kFormatName) +
                      "\",\n  \"version\": " + std::to_string(kFormatVersion) + ",\n";
    if (contents.model) {
        checkFinite(*contents.model);
        appendModel(out, *contents.model);
    }
    out += "  \"layers\": [";
    for (size_t l = 0; l < weights.layers.size(); ++l) {
        const auto& layer = weights.layers[l];
        out += (l == 0 ? "\n" : ",\n");
        out += "    {\n      \"weight\": [";
        for (Eigen::Index r = 0; r < layer.weight.rows(); ++r) {
            out += (r == 0 ? "\n        " : ",\n        ");
            // Row r of a column-major matrix: stride = number of rows.
            appendRow(out, layer.weight.data() + r, layer.weight.cols(), layer.weight.rows());
        }
        out += "\n      ],\n      \"bias\": ";
        appendRow(out, layer.bias.data(), layer.bias.size(), 1);
        out += "\n    }";
    }
    out += "\n  ]\n}\n";
    return out;
}

void writeWeightsFile(const std::string& path, const NetworkWeights& weights) {
    writeFileAtomically(path, weightsToJsonText(weights));
}

void writeWeightsFile(const std::string& path, const WeightsFileContents& contents) {
    writeFileAtomically(path, weightsFileToJsonText(contents));
}

ModelBlock modelBlockOf(const RunConfig& config, const DataSplit& data) {
    ModelBlock block;
    block.activation = config.activation;
    block.loss = config.loss;
    block.target = data.train.targetName;
    if (data.train.task == Task::Classify) {
        block.classNames = data.train.classNames;
    }
    block.inputMean = data.featureMean;
    block.inputStd = data.featureScale;
    return block;
}

}  // namespace lrscope::core
