#include "core/io/run_config_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

// Written by the window before the mapping moved to core (ui/run_config_json.cpp with
// QJsonDocument, compact): settings users already keep as presets and as the last panel state.
// Every field differs from RunConfig's defaults.
constexpr const char* kStoredByQt =
    R"({"activation":"leaky_relu","batch_size":32,"data":{"csv_path":"/home/ada/data/flowers, \"v2\".csv","dataset":"","noise":0.25,"rows":150,"samples":1000000,"standardize":false,"target":"kind","task":"regress","test_fraction":0.3},"epochs":250,"format":"lrscope-settings","hidden_layers":[16,4,3],"init":{"bias_value":0.125,"fixed_bias":true,"scheme":"uniform:-0.5:0.25"},"loss":"mse","optimizer":{"alpha":0.95,"amsgrad":true,"beta1":0.85,"beta2":0.995,"centered":true,"dampening":0.1,"eps":1e-07,"initial_accumulator":0.2,"kind":"adam","lr":0.0025,"lr_decay":0.001,"momentum":0.5,"rho":0.8,"weight_decay":0.01},"schedule":{"kind":"cosine:50:1e-04","warmup_epochs":5},"seed":"987654321012","shuffle":false,"version":1})";

// The defaults and a shipped set with a step schedule, as the window stored them.
constexpr const char* kDefaultsStoredByQt =
    R"({"activation":"tanh","batch_size":10,"data":{"csv_path":"","dataset":"spiral","noise":0.1,"rows":0,"samples":200,"standardize":true,"target":"","task":"classify","test_fraction":0.2},"epochs":100,"format":"lrscope-settings","hidden_layers":[8,8],"init":{"bias_value":0,"fixed_bias":false,"scheme":"default"},"loss":"cross_entropy","optimizer":{"alpha":0.99,"amsgrad":false,"beta1":0.9,"beta2":0.999,"centered":false,"dampening":0,"eps":1e-08,"initial_accumulator":0,"kind":"sgd","lr":0.01,"lr_decay":0,"momentum":0,"rho":0.9,"weight_decay":0},"schedule":{"kind":"constant","warmup_epochs":0},"seed":"1","shuffle":true,"version":1})";
constexpr const char* kDigitsStoredByQt =
    R"({"activation":"tanh","batch_size":10,"data":{"csv_path":"","dataset":"digits","noise":0.1,"rows":1000,"samples":200,"standardize":true,"target":"","task":"classify","test_fraction":0.2},"epochs":100,"format":"lrscope-settings","hidden_layers":[8,8],"init":{"bias_value":0,"fixed_bias":false,"scheme":"he"},"loss":"cross_entropy","optimizer":{"alpha":0.99,"amsgrad":false,"beta1":0.9,"beta2":0.999,"centered":false,"dampening":0,"eps":1e-08,"initial_accumulator":0,"kind":"nesterov","lr":0.01,"lr_decay":0,"momentum":0.9,"rho":0.9,"weight_decay":0},"schedule":{"kind":"step:10:0.5","warmup_epochs":0},"seed":"1","shuffle":true,"version":1})";

// The settings above with one value replaced: `path` is "key" or "object.key".
std::string withValue(const std::string& path, const nlohmann::json& value) {
    nlohmann::json json = nlohmann::json::parse(kDefaultsStoredByQt);
    const auto dot = path.find('.');
    if (dot == std::string::npos) {
        json[path] = value;
    } else {
        json[path.substr(0, dot)][path.substr(dot + 1)] = value;
    }
    return json.dump();
}

std::string without(const std::string& object, const std::string& key) {
    nlohmann::json json = nlohmann::json::parse(kDefaultsStoredByQt);
    (object.empty() ? json : json[object]).erase(key);
    return json.dump();
}

InputError errorOf(const std::string& text) {
    try {
        runConfigFromJsonText(text);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an InputError for " << text;
    return InputError("");
}

std::string messageOf(const std::string& text) {
    return errorOf(text).what();
}

TEST(RunConfigJson, ReadsEveryFieldTheWindowStoredBefore) {
    const RunConfig c = runConfigFromJsonText(kStoredByQt);
    EXPECT_EQ(c.data.dataset, "");
    EXPECT_EQ(c.data.csvPath, "/home/ada/data/flowers, \"v2\".csv");
    EXPECT_EQ(c.data.target, "kind");
    EXPECT_EQ(c.data.task, Task::Regress);
    EXPECT_EQ(c.data.samples, 1000000);
    EXPECT_EQ(c.data.noise, 0.25);
    EXPECT_EQ(c.data.rows, 150);
    EXPECT_EQ(c.data.testFraction, 0.3);
    EXPECT_FALSE(c.data.standardize);
    EXPECT_EQ(c.hiddenLayers, (std::vector<int>{16, 4, 3}));
    EXPECT_EQ(c.activation, Activation::LeakyRelu);
    EXPECT_EQ(c.loss, LossKind::Mse);
    EXPECT_EQ(c.init.scheme, InitScheme::Uniform);
    EXPECT_EQ(c.init.low, -0.5);
    EXPECT_EQ(c.init.high, 0.25);
    EXPECT_TRUE(c.init.fixedBias);
    EXPECT_EQ(c.init.biasValue, 0.125);
    EXPECT_FALSE(c.initialWeights.has_value());
    const OptimizerSettings& o = c.optimizer;
    EXPECT_EQ(o.kind, OptimizerKind::Adam);
    EXPECT_EQ(o.lr, 0.0025);
    EXPECT_EQ(o.weightDecay, 0.01);
    EXPECT_EQ(o.momentum, 0.5);
    EXPECT_EQ(o.dampening, 0.1);
    EXPECT_EQ(o.rho, 0.8);
    EXPECT_EQ(o.alpha, 0.95);
    EXPECT_EQ(o.beta1, 0.85);
    EXPECT_EQ(o.beta2, 0.995);
    EXPECT_EQ(o.eps, 1e-7);
    EXPECT_EQ(o.lrDecay, 0.001);
    EXPECT_EQ(o.initialAccumulator, 0.2);
    EXPECT_TRUE(o.centered);
    EXPECT_TRUE(o.amsgrad);
    EXPECT_EQ(c.schedule.kind, ScheduleKind::Cosine);
    EXPECT_EQ(c.schedule.tMax, 50);
    EXPECT_EQ(c.schedule.etaMin, 1e-4);
    EXPECT_EQ(c.schedule.warmupEpochs, 5);
    EXPECT_EQ(c.batchSize, 32);
    EXPECT_FALSE(c.shuffle);
    EXPECT_EQ(c.epochs, 250);
    EXPECT_EQ(c.seed, 987654321012u);
}

TEST(RunConfigJson, WritesWhatTheWindowWroteBefore) {
    // Same keys, same values: JSON written now reads the same in the window of yesterday.
    for (const char* stored : {kStoredByQt, kDefaultsStoredByQt, kDigitsStoredByQt}) {
        EXPECT_EQ(runConfigToJson(runConfigFromJsonText(stored)), nlohmann::json::parse(stored));
    }
    EXPECT_EQ(runConfigToJson(RunConfig{}), nlohmann::json::parse(kDefaultsStoredByQt));
    const RunConfig digits = runConfigFromJsonText(kDigitsStoredByQt);
    EXPECT_EQ(digits.data.dataset, "digits");
    EXPECT_EQ(digits.data.rows, 1000);
    EXPECT_EQ(digits.init.scheme, InitScheme::He);
    EXPECT_EQ(digits.optimizer.kind, OptimizerKind::Nesterov);
    EXPECT_EQ(digits.schedule.kind, ScheduleKind::Step);
    EXPECT_EQ(digits.schedule.stepSize, 10);
    EXPECT_EQ(digits.schedule.gamma, 0.5);
}

TEST(RunConfigJson, RoundTripsExactly) {
    RunConfig c;
    c.data.dataset = "moons";
    c.data.samples = 333;
    c.data.noise = 0.1 + 0.2;  // needs 17 digits
    c.optimizer = defaultsFor(OptimizerKind::AdamW);
    c.optimizer.lr = 1.0 / 3.0;
    c.schedule = parseSchedule("exp:0.97");
    c.seed = 18446744073709551615u;  // the largest seed survives: it is stored as text
    const std::string text = runConfigToJsonText(c);
    const RunConfig back = runConfigFromJsonText(text);
    EXPECT_EQ(back.data.noise, c.data.noise);
    EXPECT_EQ(back.optimizer.lr, c.optimizer.lr);
    EXPECT_EQ(back.optimizer.weightDecay, c.optimizer.weightDecay);
    EXPECT_EQ(back.schedule.gamma, 0.97);
    EXPECT_EQ(back.seed, c.seed);
    EXPECT_EQ(runConfigToJsonText(back), text);
}

TEST(RunConfigJson, ErrorsNameTheJsonPath) {
    EXPECT_EQ(messageOf(withValue("optimizer.beta1", "abc")),
              "optimizer.beta1: expected a number, got \"abc\"");
    EXPECT_EQ(messageOf(withValue("data.standardize", 1)),
              "data.standardize: expected true or false, got 1");
    EXPECT_EQ(messageOf(withValue("data.samples", 2.5)),
              "data.samples: expected a whole number from -9007199254740992 to "
              "9007199254740992, got 2.5");
    EXPECT_EQ(messageOf(withValue("data.task", "cluster")),
              "data.task: expected \"classify\" or \"regress\", got \"cluster\"");
    EXPECT_EQ(messageOf(withValue("init", "he")), "init: expected an object, got \"he\"");
    EXPECT_EQ(messageOf(withValue("hidden_layers", nlohmann::json::array({8, 0}))),
              "hidden_layers[1]: expected a width from 1 to 4096, got 0");
    EXPECT_EQ(messageOf(withValue("seed", "-1")),
              "seed: expected a whole number from 0 to 18446744073709551615 as a string, got "
              "\"-1\"");
    EXPECT_EQ(messageOf(withValue("format", "lrscope-weights")),
              "format: expected \"lrscope-settings\", got \"lrscope-weights\"");
    EXPECT_EQ(messageOf(withValue("version", 2)), "version: expected 1, got 2");
    EXPECT_EQ(messageOf(without("optimizer", "eps")), "optimizer.eps: missing; expected a number");
    EXPECT_EQ(messageOf(without("", "shuffle")), "shuffle: missing; expected true or false");
    EXPECT_EQ(messageOf("[1, 2]"), "expected an object with the settings, got an array");
    EXPECT_EQ(messageOf("{\"format\": "),
              "line 1, column 12: invalid JSON (syntax error while parsing value - unexpected "
              "end of input; expected '[', '{', or a literal)");
}

// Found by fuzz_run_config_json's one-line check (corpus/run_config_json/*_with_line_break.json):
// the parsers of named settings echoed the text as it was, so a value holding a line break made a
// message of two lines. They now quote it escaped, as the file readers do.
TEST(RunConfigJson, UnknownNamesAreEscapedIntoOneLine) {
    const std::string bad = "a\nb\x1b";
    const std::string shown = "'a\\nb\\x1b'";
    struct Case {
        const char* path;
        std::string expected;
    };
    const Case cases[] = {
        {"activation", "activation: unknown activation " + shown},
        {"loss", "loss: unknown loss " + shown},
        {"optimizer.kind", "optimizer.kind: unknown optimizer " + shown},
        {"init.scheme", "init.scheme: unknown scheme " + shown},
        {"schedule.kind", "schedule.kind: " + shown + " \u2014 unknown schedule " + shown},
        {"data.dataset", "data.dataset: " + shown + " is not a built-in data set"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        const std::string message = messageOf(withValue(c.path, bad));
        EXPECT_EQ(message.find_first_of("\r\n\x1b"), std::string::npos) << message;
        EXPECT_TRUE(message.starts_with(c.expected)) << message;
    }
    EXPECT_EQ(messageOf(withValue("schedule.kind", "step:2:x\ny")),
              "schedule.kind: 'step:2:x\\ny' \u2014 GAMMA 'x\\ny' is not a number; expected "
              "constant, step:K:GAMMA, exp:GAMMA or cosine:TMAX[:ETA_MIN]");
    EXPECT_EQ(messageOf(withValue("init.scheme", "uniform:1:\t")),
              "init.scheme: 'uniform:1:\\t' needs two finite numbers A <= B; expected default, "
              "xavier, he or uniform:A:B");
}

TEST(RunConfigJson, InvalidSettingsKeepTheirKey) {
    const InputError range = errorOf(withValue("optimizer.beta1", 3));
    EXPECT_STREQ(range.what(), "optimizer.beta1: 3 is out of range; expected 0 <= beta1 < 1");
    EXPECT_EQ(range.key(), "beta1");
    EXPECT_EQ(range.detail(), "3 is out of range; expected 0 <= beta1 < 1");

    const InputError parsed = errorOf(withValue("activation", "swish"));
    EXPECT_STREQ(parsed.what(),
                 "activation: unknown activation 'swish'; expected linear, sigmoid, tanh, relu "
                 "or leaky_relu");
    EXPECT_EQ(parsed.key(), "activation");

    const InputError epochs = errorOf(withValue("epochs", 0));
    EXPECT_STREQ(epochs.what(), "epochs: 0 is out of range; expected 1 to 1000000");
    EXPECT_EQ(epochs.key(), "epochs");

    const InputError crossField = errorOf(withValue("data.dataset", "sine"));
    EXPECT_EQ(crossField.key(), "loss");
    EXPECT_EQ(std::string(crossField.what()), "loss: " + crossField.detail());

    const InputError schedule = errorOf(withValue("schedule.warmup_epochs", -2));
    EXPECT_STREQ(schedule.what(),
                 "schedule.warmup_epochs: -2 is out of range; expected warmup >= 0");
}

}  // namespace
}  // namespace lrscope::core
