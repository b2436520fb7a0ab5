#include "core/io/weights_file.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
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

    NetworkWeights read(const Json& root) const {
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

private:
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

}  // namespace

NetworkWeights weightsFromJsonText(const std::string& text, const std::string& source) {
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::exception& e) {
        throw InputError(source + ": " + jsonParseErrorText(e.what()));
    }
    return WeightsReader(source).read(root);
}

NetworkWeights readWeightsFile(const std::string& path) {
    return weightsFromJsonText(readFile(path), path);
}

std::string weightsToJsonText(const NetworkWeights& weights) {
    checkFinite(weights);
    std::string out = "{\n  \"format\": \"" + std::string(kFormatName) +
                      "\",\n  \"version\": " + std::to_string(kFormatVersion) +
                      ",\n  \"layers\": [";
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

}  // namespace lrscope::core
