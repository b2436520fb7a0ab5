#include "core/io/run_config_json.hpp"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/base/errors.hpp"
#include "core/io/json_messages.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kSettingsFormatName = "lrscope-settings";
constexpr int kSettingsFormatVersion = 1;
// Whole numbers are read through double, which holds every integer up to 2^53 exactly.
constexpr long kMaxWhole = 9'007'199'254'740'992;

// Where a setting lives in the JSON object, by its key (InputError::key()).
std::string jsonPathOf(const std::string& key) {
    static const std::map<std::string, std::string> kPaths = {
        {"dataset", "data.dataset"},
        {"data", "data.csv_path"},
        {"target", "data.target"},
        {"task", "data.task"},
        {"samples", "data.samples"},
        {"noise", "data.noise"},
        {"rows", "data.rows"},
        {"test-fraction", "data.test_fraction"},
        {"standardize", "data.standardize"},
        {"layers", "hidden_layers"},
        {"init", "init.scheme"},
        {"bias-init", "init.bias_value"},
        {"optimizer", "optimizer.kind"},
        {"lr", "optimizer.lr"},
        {"weight-decay", "optimizer.weight_decay"},
        {"momentum", "optimizer.momentum"},
        {"dampening", "optimizer.dampening"},
        {"rho", "optimizer.rho"},
        {"alpha", "optimizer.alpha"},
        {"beta1", "optimizer.beta1"},
        {"beta2", "optimizer.beta2"},
        {"eps", "optimizer.eps"},
        {"lr-decay", "optimizer.lr_decay"},
        {"initial-accumulator", "optimizer.initial_accumulator"},
        {"schedule", "schedule.kind"},
        {"warmup", "schedule.warmup_epochs"},
        {"batch-size", "batch_size"},
    };
    const auto it = kPaths.find(key);
    return it == kPaths.end() ? key : it->second;
}

// Reads typed values from one JSON object, naming the key's path in errors.
class SettingsReader {
public:
    SettingsReader(const Json& object, std::string path)
        : object_(object), path_(std::move(path)) {}

    std::string name(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

    [[noreturn]] void fail(const char* key, const std::string& expected, const Json& got) const {
        throw InputError(name(key) + ": expected " + expected + ", got " + describeJson(got));
    }

    const Json& at(const char* key, const std::string& expected) const {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            throw InputError(name(key) + ": missing; expected " + expected);
        }
        return *it;
    }

    double number(const char* key) const {
        const Json& value = at(key, "a number");
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
            fail(key, "a number", value);
        }
        return value.get<double>();
    }

    // Written as an integer, or as a number with no fraction ("1e+06" from older writers).
    long whole(const char* key, long low = -kMaxWhole, long high = kMaxWhole) const {
        const std::string expected =
            "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
        const Json& value = at(key, expected);
        if (!value.is_number()) {
            fail(key, expected, value);
        }
        const double x = value.get<double>();
        if (!(x == std::floor(x) && x >= static_cast<double>(low) &&
              x <= static_cast<double>(high))) {
            fail(key, expected, value);
        }
        return value.is_number_float() ? static_cast<long>(x) : value.get<long>();
    }

    bool boolean(const char* key) const {
        const Json& value = at(key, "true or false");
        if (!value.is_boolean()) {
            fail(key, "true or false", value);
        }
        return value.get<bool>();
    }

    std::string text(const char* key) const {
        const Json& value = at(key, "a string");
        if (!value.is_string()) {
            fail(key, "a string", value);
        }
        return value.get<std::string>();
    }

    SettingsReader object(const char* key) const {
        const Json& value = at(key, "an object");
        if (!value.is_object()) {
            fail(key, "an object", value);
        }
        return SettingsReader(value, name(key));
    }

    const Json& list(const char* key, const std::string& expected) const {
        const Json& value = at(key, expected);
        if (!value.is_array()) {
            fail(key, expected, value);
        }
        return value;
    }

    // Runs a core parser on a string; its error keeps the setting's key and gets the path.
    template <typename Parse>
    auto parsed(const char* key, Parse parse) const {
        const std::string value = text(key);
        try {
            return parse(value);
        } catch (const InputError& error) {
            throw InputError::setting(error.key(), error.detail(),
                                      name(key) + ": " + error.detail());
        }
    }

private:
    const Json& object_;
    std::string path_;
};

std::uint64_t readSeed(const SettingsReader& root) {
    constexpr const char* kExpected = "a whole number from 0 to 18446744073709551615 as a string";
    const Json& value = root.at("seed", kExpected);
    if (value.is_number_unsigned()) {
        return value.get<std::uint64_t>();
    }
    std::uint64_t seed = 0;
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
        if (!text.empty() && error == std::errc() && end == text.data() + text.size()) {
            return seed;
        }
    }
    root.fail("seed", kExpected, value);
}

DataSpec readData(const SettingsReader& data) {
    DataSpec d;
    d.dataset = data.text("dataset");
    d.csvPath = data.text("csv_path");
    d.target = data.text("target");
    const std::string task = data.text("task");
    if (task != "classify" && task != "regress") {
        data.fail("task", "\"classify\" or \"regress\"", Json(task));
    }
    d.task = task == "regress" ? Task::Regress : Task::Classify;
    d.samples = data.whole("samples");
    d.noise = data.number("noise");
    if (const long rows = data.whole("rows", 0); rows > 0) {
        d.rows = rows;
    }
    d.testFraction = data.number("test_fraction");
    d.standardize = data.boolean("standardize");
    return d;
}

OptimizerSettings readOptimizer(const SettingsReader& o) {
    OptimizerSettings s =
        defaultsFor(o.parsed("kind", [](const std::string& text) { return parseOptimizer(text); }));
    s.lr = o.number("lr");
    s.weightDecay = o.number("weight_decay");
    s.momentum = o.number("momentum");
    s.dampening = o.number("dampening");
    s.rho = o.number("rho");
    s.alpha = o.number("alpha");
    s.beta1 = o.number("beta1");
    s.beta2 = o.number("beta2");
    s.eps = o.number("eps");
    s.lrDecay = o.number("lr_decay");
    s.initialAccumulator = o.number("initial_accumulator");
    s.centered = o.boolean("centered");
    s.amsgrad = o.boolean("amsgrad");
    return s;
}

}  // namespace

Json runConfigToJson(const RunConfig& c) {
    Json data = Json::object();
    data["dataset"] = c.data.dataset;
    data["csv_path"] = c.data.csvPath;
    data["target"] = c.data.target;
    data["task"] = c.data.task == Task::Regress ? "regress" : "classify";
    data["samples"] = c.data.samples;
    data["noise"] = c.data.noise;
    data["rows"] = c.data.rows.value_or(0);
    data["test_fraction"] = c.data.testFraction;
    data["standardize"] = c.data.standardize;

    const OptimizerSettings& o = c.optimizer;
    Json optimizer = Json::object();
    optimizer["kind"] = std::string(optimizerName(o.kind));
    optimizer["lr"] = o.lr;
    optimizer["weight_decay"] = o.weightDecay;
    optimizer["momentum"] = o.momentum;
    optimizer["dampening"] = o.dampening;
    optimizer["rho"] = o.rho;
    optimizer["alpha"] = o.alpha;
    optimizer["beta1"] = o.beta1;
    optimizer["beta2"] = o.beta2;
    optimizer["eps"] = o.eps;
    optimizer["lr_decay"] = o.lrDecay;
    optimizer["initial_accumulator"] = o.initialAccumulator;
    optimizer["centered"] = o.centered;
    optimizer["amsgrad"] = o.amsgrad;

    Json init = Json::object();
    init["scheme"] = formatInitScheme(c.init);
    init["fixed_bias"] = c.init.fixedBias;
    init["bias_value"] = c.init.biasValue;

    Json schedule = Json::object();
    schedule["kind"] = formatSchedule(c.schedule);
    schedule["warmup_epochs"] = c.schedule.warmupEpochs;

    Json json = Json::object();
    json["format"] = std::string(kSettingsFormatName);
    json["version"] = kSettingsFormatVersion;
    json["data"] = std::move(data);
    json["hidden_layers"] = c.hiddenLayers;
    json["activation"] = std::string(activationName(c.activation));
    json["loss"] = std::string(lossName(c.loss));
    json["init"] = std::move(init);
    json["optimizer"] = std::move(optimizer);
    json["schedule"] = std::move(schedule);
    json["batch_size"] = c.batchSize;
    json["shuffle"] = c.shuffle;
    json["epochs"] = c.epochs;
    json["seed"] = std::to_string(c.seed);
    return json;
}

std::string runConfigToJsonText(const RunConfig& config) {
    return runConfigToJson(config).dump();
}

RunConfig runConfigFromJson(const Json& json) {
    if (!json.is_object()) {
        throw InputError("expected an object with the settings, got " + describeJson(json));
    }
    const SettingsReader root(json, "");
    const std::string format = root.text("format");
    if (format != kSettingsFormatName) {
        root.fail("format", "\"" + std::string(kSettingsFormatName) + "\"", Json(format));
    }
    if (root.whole("version") != kSettingsFormatVersion) {
        root.fail("version", std::to_string(kSettingsFormatVersion), json.at("version"));
    }

    RunConfig c;
    c.data = readData(root.object("data"));

    const std::string widths =
        "a list of hidden layer widths, each from 1 to " + std::to_string(kMaxLayerWidth);
    const Json& layers = root.list("hidden_layers", widths);
    c.hiddenLayers.clear();
    for (size_t i = 0; i < layers.size(); ++i) {
        const Json& width = layers[i];
        const bool valid = width.is_number() &&
                           width.get<double>() == std::floor(width.get<double>()) &&
                           width.get<double>() >= 1 && width.get<double>() <= kMaxLayerWidth;
        if (!valid) {
            throw InputError("hidden_layers[" + std::to_string(i) +
                             "]: expected a width from 1 to " + std::to_string(kMaxLayerWidth) +
                             ", got " + describeJson(width));
        }
        c.hiddenLayers.push_back(static_cast<int>(width.get<double>()));
    }
    c.activation =
        root.parsed("activation", [](const std::string& text) { return parseActivation(text); });
    c.loss = root.parsed("loss", [](const std::string& text) { return parseLoss(text); });

    const SettingsReader init = root.object("init");
    c.init = init.parsed("scheme", [](const std::string& text) { return parseInitScheme(text); });
    c.init.fixedBias = init.boolean("fixed_bias");
    c.init.biasValue = init.number("bias_value");

    c.optimizer = readOptimizer(root.object("optimizer"));

    const SettingsReader schedule = root.object("schedule");
    c.schedule =
        schedule.parsed("kind", [](const std::string& text) { return parseSchedule(text); });
    c.schedule.warmupEpochs = static_cast<int>(schedule.whole("warmup_epochs", INT_MIN, INT_MAX));

    c.batchSize = root.whole("batch_size");
    c.shuffle = root.boolean("shuffle");
    c.epochs = static_cast<int>(root.whole("epochs", INT_MIN, INT_MAX));
    c.seed = readSeed(root);

    try {
        validate(c);
    } catch (const InputError& error) {
        if (error.key().empty()) {
            throw;
        }
        throw InputError::setting(error.key(), error.detail(),
                                  jsonPathOf(error.key()) + ": " + error.detail());
    }
    return c;
}

RunConfig runConfigFromJsonText(std::string_view text) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw InputError(jsonParseErrorText(e.what()));
    }
    return runConfigFromJson(json);
}

}  // namespace lrscope::core
