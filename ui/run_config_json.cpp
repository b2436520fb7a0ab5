#include "ui/run_config_json.hpp"

#include <cmath>

#include <QJsonArray>

#include "core/errors.hpp"
#include "core/number_format.hpp"

namespace lrscope::ui {

namespace {

using core::InputError;

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Reads typed values from one JSON object, naming the key path in errors.
class Reader {
public:
    Reader(const QJsonObject& object, std::string path) : object_(object), path_(std::move(path)) {}

    QJsonValue at(const char* key) const {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (value.isUndefined()) {
            throw InputError(name(key) + ": missing");
        }
        return value;
    }
    double number(const char* key) const {
        const QJsonValue value = at(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            throw InputError(name(key) + ": expected a number");
        }
        return value.toDouble();
    }
    long integer(const char* key) const {
        const double value = number(key);
        if (value != std::floor(value) || std::abs(value) > 9.0e15) {
            throw InputError(name(key) + ": expected a whole number");
        }
        return static_cast<long>(value);
    }
    bool boolean(const char* key) const {
        const QJsonValue value = at(key);
        if (!value.isBool()) {
            throw InputError(name(key) + ": expected true or false");
        }
        return value.toBool();
    }
    std::string text(const char* key) const {
        const QJsonValue value = at(key);
        if (!value.isString()) {
            throw InputError(name(key) + ": expected a string");
        }
        return value.toString().toStdString();
    }
    Reader object(const char* key) const {
        const QJsonValue value = at(key);
        if (!value.isObject()) {
            throw InputError(name(key) + ": expected an object");
        }
        return Reader(value.toObject(), name(key));
    }
    QJsonArray array(const char* key) const {
        const QJsonValue value = at(key);
        if (!value.isArray()) {
            throw InputError(name(key) + ": expected a list");
        }
        return value.toArray();
    }
    // Runs a core parser, prefixing its message with the key.
    template <typename Parse>
    auto parsed(const char* key, Parse parse) const {
        const std::string value = text(key);
        try {
            return parse(value);
        } catch (const InputError& error) {
            throw InputError(name(key) + ": " + error.what());
        }
    }
    std::string name(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

private:
    QJsonObject object_;
    std::string path_;
};

}  // namespace

QJsonObject runConfigToJson(const core::RunConfig& c) {
    QJsonObject data{
        {"dataset", QString::fromStdString(c.data.dataset)},
        {"csv_path", QString::fromStdString(c.data.csv_path)},
        {"target", QString::fromStdString(c.data.target)},
        {"task", c.data.task == core::Task::Regress ? "regress" : "classify"},
        {"samples", static_cast<double>(c.data.samples)},
        {"noise", c.data.noise},
        {"rows", c.data.rows ? static_cast<double>(*c.data.rows) : 0.0},
        {"test_fraction", c.data.test_fraction},
        {"standardize", c.data.standardize},
    };
    QJsonArray layers;
    for (const int width : c.hidden_layers) {
        layers.append(width);
    }
    const core::OptimizerSettings& o = c.optimizer;
    QJsonObject optimizer{
        {"kind", toQString(core::optimizerName(o.kind))},
        {"lr", o.lr},
        {"weight_decay", o.weight_decay},
        {"momentum", o.momentum},
        {"dampening", o.dampening},
        {"rho", o.rho},
        {"alpha", o.alpha},
        {"beta1", o.beta1},
        {"beta2", o.beta2},
        {"eps", o.eps},
        {"lr_decay", o.lr_decay},
        {"initial_accumulator", o.initial_accumulator},
        {"centered", o.centered},
        {"amsgrad", o.amsgrad},
    };
    QJsonObject init{
        {"scheme", QString::fromStdString(core::formatInitScheme(c.init))},
        {"fixed_bias", c.init.fixed_bias},
        {"bias_value", c.init.bias_value},
    };
    QJsonObject schedule{
        {"kind", QString::fromStdString(core::formatSchedule(c.schedule))},
        {"warmup_epochs", c.schedule.warmup_epochs},
    };
    return QJsonObject{
        {"format", "lrscope-settings"},
        {"version", 1},
        {"data", data},
        {"hidden_layers", layers},
        {"activation", toQString(core::activationName(c.activation))},
        {"loss", toQString(core::lossName(c.loss))},
        {"init", init},
        {"optimizer", optimizer},
        {"schedule", schedule},
        {"batch_size", static_cast<double>(c.batch_size)},
        {"shuffle", c.shuffle},
        {"epochs", c.epochs},
        {"seed", QString::number(c.seed)},
    };
}

core::RunConfig runConfigFromJson(const QJsonObject& json) {
    const Reader root(json, "");
    if (root.text("format") != "lrscope-settings") {
        throw InputError("format: expected \"lrscope-settings\"");
    }
    if (root.integer("version") != 1) {
        throw InputError("version: expected 1");
    }
    core::RunConfig c;
    const Reader data = root.object("data");
    c.data.dataset = data.text("dataset");
    c.data.csv_path = data.text("csv_path");
    c.data.target = data.text("target");
    const std::string task = data.text("task");
    if (task != "classify" && task != "regress") {
        throw InputError("data.task: expected \"classify\" or \"regress\"");
    }
    c.data.task = task == "regress" ? core::Task::Regress : core::Task::Classify;
    c.data.samples = data.integer("samples");
    c.data.noise = data.number("noise");
    const long rows = data.integer("rows");
    if (rows > 0) {
        c.data.rows = rows;
    }
    c.data.test_fraction = data.number("test_fraction");
    c.data.standardize = data.boolean("standardize");

    c.hidden_layers.clear();
    const QJsonArray layers = root.array("hidden_layers");
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QJsonValue width = layers.at(i);
        if (!width.isDouble() || width.toDouble() != std::floor(width.toDouble()) ||
            width.toDouble() < 1 || width.toDouble() > core::kMaxLayerWidth) {
            throw InputError("hidden_layers[" + std::to_string(i) +
                             "]: expected a width from 1 to " +
                             std::to_string(core::kMaxLayerWidth));
        }
        c.hidden_layers.push_back(width.toInt());
    }
    c.activation =
        root.parsed("activation", [](const std::string& s) { return core::parseActivation(s); });
    c.loss = root.parsed("loss", [](const std::string& s) { return core::parseLoss(s); });

    const Reader init = root.object("init");
    c.init = init.parsed("scheme", [](const std::string& s) { return core::parseInitScheme(s); });
    c.init.fixed_bias = init.boolean("fixed_bias");
    c.init.bias_value = init.number("bias_value");

    const Reader o = root.object("optimizer");
    const core::OptimizerKind kind =
        o.parsed("kind", [](const std::string& s) { return core::parseOptimizer(s); });
    c.optimizer = core::defaultsFor(kind);
    c.optimizer.lr = o.number("lr");
    c.optimizer.weight_decay = o.number("weight_decay");
    c.optimizer.momentum = o.number("momentum");
    c.optimizer.dampening = o.number("dampening");
    c.optimizer.rho = o.number("rho");
    c.optimizer.alpha = o.number("alpha");
    c.optimizer.beta1 = o.number("beta1");
    c.optimizer.beta2 = o.number("beta2");
    c.optimizer.eps = o.number("eps");
    c.optimizer.lr_decay = o.number("lr_decay");
    c.optimizer.initial_accumulator = o.number("initial_accumulator");
    c.optimizer.centered = o.boolean("centered");
    c.optimizer.amsgrad = o.boolean("amsgrad");

    const Reader schedule = root.object("schedule");
    c.schedule =
        schedule.parsed("kind", [](const std::string& s) { return core::parseSchedule(s); });
    c.schedule.warmup_epochs = static_cast<int>(schedule.integer("warmup_epochs"));

    c.batch_size = root.integer("batch_size");
    c.shuffle = root.boolean("shuffle");
    const long epochs = root.integer("epochs");
    if (epochs < 1 || epochs > core::kMaxEpochs) {
        throw InputError("epochs: expected 1 to " + std::to_string(core::kMaxEpochs));
    }
    c.epochs = static_cast<int>(epochs);
    const std::string seed = root.text("seed");
    const auto parsedSeed = core::parseLong(seed);
    if (!parsedSeed || *parsedSeed < 0) {
        throw InputError("seed: expected a non-negative whole number");
    }
    c.seed = static_cast<std::uint64_t>(*parsedSeed);
    core::validate(c);
    return c;
}

}  // namespace lrscope::ui
