#include "core/io/training_state_file.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/json_messages.hpp"
#include "core/io/run_config_json.hpp"

namespace lrscope::core {

namespace {

constexpr const char* kFormat = "lrscope-training-state";
constexpr int kVersion = 1;

using nlohmann::json;

nlohmann::json vectorJson(const Vector& values) {
    json array = json::array();
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        array.push_back(values[i]);
    }
    return array;
}

// Reads one file, naming every problem by file and JSON path.
class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw InputError(path_ + ": " + where + ": " + what);
    }

    const json& member(const json& object, const std::string& where, const char* key) const {
        if (!object.is_object()) {
            fail(where, "expected an object, got " + describeJson(object));
        }
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(where, std::string("'") + key + "' is missing");
        }
        return *it;
    }

    double number(const json& value, const std::string& where) const {
        if (!value.is_number()) {
            fail(where, "expected a finite number, got " + describeJson(value));
        }
        const double v = value.get<double>();
        if (!std::isfinite(v)) {
            fail(where, "expected a finite number");
        }
        return v;
    }

    long long integer(const json& value, const std::string& where, long long low) const {
        if (!value.is_number_integer() || value.get<long long>() < low) {
            fail(where,
                 "expected an integer >= " + std::to_string(low) + ", got " + describeJson(value));
        }
        return value.get<long long>();
    }

    Vector vector(const json& value, const std::string& where) const {
        if (!value.is_array()) {
            fail(where, "expected an array of numbers, got " + describeJson(value));
        }
        Vector values(static_cast<Eigen::Index>(value.size()));
        for (std::size_t i = 0; i < value.size(); ++i) {
            values[static_cast<Eigen::Index>(i)] =
                number(value[i], where + "[" + std::to_string(i) + "]");
        }
        return values;
    }

private:
    std::string path_;
};

}  // namespace

void writeTrainingStateFile(const std::string& path, const SavedTrainingState& saved) {
    json buffers = json::object();
    for (const auto& [name, values] : saved.state.optimizer.buffers) {
        buffers[name] = vectorJson(values);
    }
    const json document = {
        {"format", kFormat},
        {"version", kVersion},
        {"config", runConfigToJson(saved.config)},
        {"epoch", saved.state.epoch},
        {"base_lr", saved.state.baseLr},
        {"parameters", vectorJson(saved.state.parameters)},
        {"optimizer_state", {{"steps", saved.state.optimizer.steps}, {"buffers", buffers}}},
    };
    writeFileAtomically(path, document.dump() + "\n");
}

SavedTrainingState readTrainingStateFile(const std::string& path) {
    const std::string text = readFile(path);
    const Reader reader(path);
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(path + ": " + jsonParseErrorText(e.what()));
    }
    const json& format = reader.member(document, "$", "format");
    if (format != kFormat) {
        reader.fail("$.format",
                    std::string("expected \"") + kFormat + "\", got " + describeJson(format));
    }
    if (reader.integer(reader.member(document, "$", "version"), "$.version", 1) != kVersion) {
        reader.fail("$.version", "expected 1");
    }
    SavedTrainingState saved;
    try {
        saved.config = runConfigFromJson(reader.member(document, "$", "config"));
    } catch (const InputError& e) {
        reader.fail("$.config", e.what());
    }
    saved.state.epoch =
        static_cast<int>(reader.integer(reader.member(document, "$", "epoch"), "$.epoch", 0));
    saved.state.baseLr = reader.number(reader.member(document, "$", "base_lr"), "$.base_lr");
    saved.state.parameters =
        reader.vector(reader.member(document, "$", "parameters"), "$.parameters");
    const json& optimizer = reader.member(document, "$", "optimizer_state");
    saved.state.optimizer.steps = reader.integer(
        reader.member(optimizer, "$.optimizer_state", "steps"), "$.optimizer_state.steps", 0);
    const json& buffers = reader.member(optimizer, "$.optimizer_state", "buffers");
    if (!buffers.is_object()) {
        reader.fail("$.optimizer_state.buffers",
                    "expected an object, got " + describeJson(buffers));
    }
    for (const auto& [name, values] : buffers.items()) {
        saved.state.optimizer.buffers.emplace_back(
            name, reader.vector(values, "$.optimizer_state.buffers." + name));
    }
    return saved;
}

std::string continuationProblem(const SavedTrainingState& saved, const RunConfig& config) {
    json before = runConfigToJson(saved.config);
    json now = runConfigToJson(config);
    before.erase("epochs");
    now.erase("epochs");
    if (before != now) {
        const json patch = json::diff(before, now);
        std::string where = patch.empty() ? std::string() : patch[0].value("path", "");
        std::replace(where.begin(), where.end(), '/', '.');
        return "the setting $.config" + where +
               " differs from the run that saved the state; continue with the same settings "
               "(only --epochs may grow)";
    }
    if (config.epochs <= saved.state.epoch) {
        return "the state is after epoch " + std::to_string(saved.state.epoch) +
               ", but --epochs is " + std::to_string(config.epochs) +
               "; expected more epochs than that";
    }
    return {};
}

}  // namespace lrscope::core
