// InputError: setting errors carry the setting's key and a detail without the flag, and still
// read as the CLI has always printed them; errors about files carry no key.
#include "core/base/errors.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/data/data_spec.hpp"
#include "core/nn/loss.hpp"
#include "core/optim/lr_schedule.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {
namespace {

template <typename Action>
InputError errorOf(Action action) {
    try {
        action();
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an InputError";
    return InputError("");
}

void expectSetting(const InputError& error, const std::string& key, const std::string& detail,
                   const std::string& message) {
    EXPECT_EQ(error.key(), key);
    EXPECT_EQ(error.detail(), detail);
    EXPECT_EQ(std::string(error.what()), message);
    EXPECT_EQ(error.detail().find("--"), std::string::npos) << error.detail();
}

TEST(InputError, PlainErrorsHaveNoKey) {
    const InputError error("data.csv:3:2: 'x' is not a number (column 'a')");
    EXPECT_EQ(error.key(), "");
    EXPECT_EQ(error.detail(), "data.csv:3:2: 'x' is not a number (column 'a')");
    const InputError file = errorOf([] {
        prepareData(
            [] {
                DataSpec spec;
                spec.dataset.clear();
                spec.csvPath = "/nonexistent/gone.csv";
                return spec;
            }(),
            1);
    });
    EXPECT_EQ(file.key(), "");
    EXPECT_EQ(file.detail(), file.what());
}

TEST(InputError, SettingMessageIsTheFlagThenTheDetail) {
    const InputError error = InputError::setting("batch-size", "-1 is negative");
    expectSetting(error, "batch-size", "-1 is negative", "--batch-size: -1 is negative");
    const InputError copy = error;  // copies share the key and detail
    EXPECT_EQ(copy.key(), "batch-size");
    EXPECT_EQ(copy.detail(), "-1 is negative");
}

TEST(InputError, ValidationErrorsCarryKeyAndDetail) {
    RunConfig config;
    config.batchSize = -3;
    expectSetting(errorOf([&] { validate(config); }), "batch-size",
                  "-3 is negative; expected 0 (full batch) or a positive size",
                  "--batch-size: -3 is negative; expected 0 (full batch) or a positive size");

    config = RunConfig{};
    config.optimizer.weightDecay = -1.0;
    expectSetting(errorOf([&] { validate(config); }), "weight-decay",
                  "-1 is out of range; expected weight_decay >= 0",
                  "--weight-decay: -1 is out of range; expected weight_decay >= 0");

    config = RunConfig{};
    config.data.dataset = "sine";  // cross-entropy is the default loss
    expectSetting(errorOf([&] { validate(config); }), "loss",
                  "cross-entropy needs class labels, but 'sine' is a regression data set; "
                  "expected mse (mean squared error)",
                  "--loss: cross_entropy needs class labels, but 'sine' is a regression data "
                  "set; expected --loss mse");

    config = RunConfig{};
    config.data.samples = 0;
    expectSetting(errorOf([&] { validate(config); }), "samples",
                  "must be between 1 and 1000000, got 0",
                  "--samples must be between 1 and 1000000, got 0");

    config = RunConfig{};
    config.data.csvPath = "data.csv";
    expectSetting(errorOf([&] { validate(config); }), "dataset",
                  "'spiral' and the CSV file 'data.csv' were both given; choose one",
                  "--dataset 'spiral' and --data 'data.csv' were both given; choose one");

    config = RunConfig{};
    config.optimizer = defaultsFor(OptimizerKind::Nesterov);
    config.optimizer.momentum = 0.0;
    expectSetting(errorOf([&] { validate(config); }), "momentum",
                  "0 is out of range for nesterov; expected 0 < momentum < 1",
                  "--momentum: 0 is out of range for nesterov; expected 0 < momentum < 1");
}

TEST(InputError, ParserErrorsCarryKeyAndDetail) {
    expectSetting(errorOf([] { parseLoss("hinge"); }), "loss",
                  "unknown loss 'hinge'; expected mse or cross_entropy",
                  "--loss: unknown loss 'hinge'; expected mse or cross_entropy");
    const InputError schedule = errorOf([] { parseSchedule("exp:0"); });
    EXPECT_EQ(schedule.key(), "schedule");
    EXPECT_EQ(std::string(schedule.what()), "--schedule: " + schedule.detail());
}

TEST(InputError, TestSplitErrorKeepsItsCliWording) {
    DataSpec spec;
    spec.samples = 2;
    spec.testFraction = 0.2;
    expectSetting(errorOf([&] { prepareData(spec, 1); }), "test-fraction",
                  "0.2 leaves no test samples out of 2; use more samples or a larger fraction, "
                  "or 0",
                  "--test-fraction 0.2 leaves no test samples out of 2; use more samples or a "
                  "larger fraction, or --test-fraction 0");
}

}  // namespace
}  // namespace lrscope::core
