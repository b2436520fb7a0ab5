#include "app/cli/run_options.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <sstream>

#include "core/analysis/log_range.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/data/builtin_datasets.hpp"
#include "core/io/weights_file.hpp"
#include "core/nn/initializer.hpp"
#include "core/nn/network_weights.hpp"
#include "core/optim/lr_schedule.hpp"
#include "core/optim/optimizer_setting.hpp"

namespace lrscope::cli {

using core::InputError;
using core::OptimizerKind;
using core::OptimizerSettings;

namespace {

std::string namesOf(const std::vector<OptimizerKind>& kinds) {
    std::string text;
    for (size_t i = 0; i < kinds.size(); ++i) {
        text += (i == 0 ? "" : ", ") + std::string(core::optimizerName(kinds[i]));
    }
    return text;
}

void rejectInapplicable(const core::OptimizerSettingInfo& info,
                        const std::vector<OptimizerKind>& chosen) {
    const bool applies = std::any_of(chosen.begin(), chosen.end(), [&](OptimizerKind kind) {
        return core::usesSetting(kind, info.setting);
    });
    if (!applies) {
        throw InputError("--" + std::string(info.key) + ": does not apply to " + namesOf(chosen) +
                         "; it applies to " + namesOf(info.usedBy));
    }
}

int toInt(long value, const std::string& flag, long low, long high) {
    if (value < low || value > high) {
        throw InputError(flag + ": " + std::to_string(value) + " is out of range; expected " +
                         std::to_string(low) + " to " + std::to_string(high));
    }
    return static_cast<int>(value);
}

std::vector<int> parseLayers(const std::string& text) {
    std::vector<int> widths;
    for (const auto& item : splitList(text, "--layers")) {
        const auto width = core::parseLong(item);
        if (!width) {
            throw InputError("--layers: '" + item +
                             "' is not a whole number; expected widths like 8,8 (empty: none)");
        }
        widths.push_back(toInt(*width, "--layers", 1, core::kMaxLayerWidth));
    }
    return widths;
}

void applyDataFlags(const Arguments& args, core::DataSpec& data) {
    const auto dataset = args.value("--dataset");
    const auto file = args.value("--data");
    if (dataset && file) {
        throw InputError("--dataset and --data contradict each other; give one");
    }
    if (file) {
        data.csvPath = *file;
        data.dataset.clear();
    } else if (dataset) {
        data.dataset = *dataset;
    }
    const bool generated = data.csvPath.empty() && core::isGeneratedDataset(data.dataset);
    for (const char* flag : {"--samples", "--noise"}) {
        if (args.has(flag) && !generated) {
            throw InputError(std::string(flag) +
                             ": applies only to generated data sets (xor, circles, spiral, "
                             "blobs, moons, sine)");
        }
    }
    for (const char* flag : {"--target", "--task"}) {
        if (args.has(flag) && generated) {
            throw InputError(std::string(flag) +
                             ": applies only to --data files and the "
                             "shipped sets (iris, breast_cancer, digits)");
        }
    }
    if (const auto samples = args.integer("--samples")) {
        data.samples = *samples;
    }
    if (const auto noise = args.number("--noise")) {
        data.noise = *noise;
    }
    if (const auto target = args.value("--target")) {
        data.target = *target;
    }
    if (const auto task = args.value("--task")) {
        if (*task == "classify") {
            data.task = core::Task::Classify;
        } else if (*task == "regress") {
            data.task = core::Task::Regress;
        } else {
            throw InputError("--task: unknown task '" + *task + "'; expected classify or regress");
        }
    }
    if (generated) {
        data.task = data.dataset == "sine" ? core::Task::Regress : core::Task::Classify;
    }
    if (const auto rows = args.integer("--rows")) {
        data.rows = *rows;
    }
    if (const auto fraction = args.number("--test-fraction")) {
        data.testFraction = *fraction;
    }
    if (const auto standardize = args.toggle("--standardize", "--no-standardize")) {
        data.standardize = *standardize;
    }
    core::validate(data);
}

}  // namespace

OptimizerSettings optimizerSettingsFromArguments(const Arguments& args, OptimizerKind kind,
                                                 std::optional<double> lr,
                                                 const std::vector<OptimizerKind>& allKinds) {
    OptimizerSettings settings = core::defaultsFor(kind);
    if (lr) {
        settings.lr = *lr;
    }
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        const std::string flag = "--" + std::string(info.key);
        std::optional<double> value;
        if (info.isSwitch) {
            value = args.has(flag) ? std::optional<double>(1.0) : std::nullopt;
        } else {
            value = args.number(flag);
        }
        if (value) {
            rejectInapplicable(info, allKinds);
            if (core::usesSetting(kind, info.setting)) {
                core::setSettingValue(settings, info.setting, *value);
            }
        }
    }
    core::validate(settings);
    return settings;
}

std::vector<std::string> optimizerValueFlags() {
    std::vector<std::string> flags;
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        if (!info.isSwitch) {
            flags.push_back("--" + std::string(info.key));
        }
    }
    return flags;
}

std::vector<std::string> optimizerSwitchFlags() {
    std::vector<std::string> flags;
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        if (info.isSwitch) {
            flags.push_back("--" + std::string(info.key));
        }
    }
    return flags;
}

core::LrSchedule scheduleFromArguments(const Arguments& args) {
    core::LrSchedule schedule;
    if (const auto text = args.value("--schedule")) {
        schedule = core::parseSchedule(*text);
    }
    if (const auto warmup = args.integer("--warmup")) {
        schedule.warmupEpochs = toInt(*warmup, "--warmup", 0, core::kMaxEpochs);
    }
    core::validate(schedule);
    return schedule;
}

std::vector<std::string> runValueFlags() {
    return {"--dataset",
            "--data",
            "--target",
            "--task",
            "--samples",
            "--noise",
            "--rows",
            "--test-fraction",
            "--layers",
            "--activation",
            "--loss",
            "--optimizer",
            "--lr",
            "--momentum",
            "--dampening",
            "--weight-decay",
            "--rho",
            "--alpha",
            "--beta1",
            "--beta2",
            "--eps",
            "--lr-decay",
            "--initial-accumulator",
            "--schedule",
            "--warmup",
            "--init",
            "--bias-init",
            "--batch-size",
            "--epochs",
            "--seed",
            "--init-weights"};
}

std::vector<std::string> runSwitches() {
    return {"--standardize", "--no-standardize", "--shuffle",
            "--no-shuffle",  "--centered",       "--amsgrad"};
}

std::vector<OptimizerKind> optimizersFromArguments(const Arguments& args) {
    std::vector<OptimizerKind> kinds;
    for (const auto& name : splitList(args.value("--optimizer").value_or("sgd"), "--optimizer")) {
        kinds.push_back(core::parseOptimizer(name));
    }
    if (kinds.empty()) {
        throw InputError("--optimizer: expected at least one optimizer name");
    }
    return kinds;
}

core::RunConfig configFromArguments(const Arguments& args, OptimizerKind kind,
                                    std::optional<double> lr,
                                    const std::vector<OptimizerKind>& allKinds) {
    core::RunConfig config;
    applyDataFlags(args, config.data);

    if (const auto layers = args.value("--layers")) {
        config.hiddenLayers = parseLayers(*layers);
    }
    if (const auto activation = args.value("--activation")) {
        config.activation = core::parseActivation(*activation);
    }
    config.loss = config.data.task == core::Task::Regress ? core::LossKind::Mse
                                                          : core::LossKind::CrossEntropy;
    if (const auto loss = args.value("--loss")) {
        config.loss = core::parseLoss(*loss);
    }
    if (const auto init = args.value("--init")) {
        config.init = core::parseInitScheme(*init);
    }
    if (const auto bias = args.number("--bias-init")) {
        config.init.fixedBias = true;
        config.init.biasValue = *bias;
    }

    config.optimizer = optimizerSettingsFromArguments(args, kind, lr, allKinds);
    config.schedule = scheduleFromArguments(args);

    if (const auto batch = args.integer("--batch-size")) {
        config.batchSize = *batch;
    }
    if (const auto shuffle = args.toggle("--shuffle", "--no-shuffle")) {
        config.shuffle = *shuffle;
    }
    if (const auto epochs = args.integer("--epochs")) {
        config.epochs = toInt(*epochs, "--epochs", 1, core::kMaxEpochs);
    }
    if (const auto seed = args.integer("--seed")) {
        if (*seed < 0) {
            throw InputError("--seed: " + std::to_string(*seed) +
                             " is negative; expected a whole number >= 0");
        }
        config.seed = static_cast<std::uint64_t>(*seed);
    }
    if (const auto weights = args.value("--init-weights")) {
        if (args.has("--init") || args.has("--bias-init")) {
            throw InputError(
                "--init-weights and --init/--bias-init contradict each other; "
                "give one");
        }
        config.initialWeights = core::readWeightsFile(*weights);
    }
    core::validate(config);
    return config;
}

std::vector<double> learningRatesFromArguments(const Arguments& args) {
    const auto list = args.value("--lr");
    const auto range = args.value("--lr-range");
    if (list && range) {
        throw InputError("--lr and --lr-range contradict each other; give one");
    }
    std::vector<double> rates;
    if (list) {
        for (const auto& item : splitList(*list, "--lr")) {
            const auto lr = core::parseDouble(item);
            if (!lr || !std::isfinite(*lr)) {
                throw InputError("--lr: '" + item + "' is not a finite number");
            }
            rates.push_back(*lr);
        }
    }
    if (range) {
        std::vector<std::string> fields;
        std::stringstream stream(*range);
        for (std::string field; std::getline(stream, field, ':');) {
            fields.push_back(field);
        }
        const auto low = fields.size() == 3 ? core::parseDouble(fields[0]) : std::nullopt;
        const auto high = fields.size() == 3 ? core::parseDouble(fields[1]) : std::nullopt;
        const auto count = fields.size() == 3 ? core::parseLong(fields[2]) : std::nullopt;
        if (!low || !high || !count || !(*low > 0.0) || !(*high >= *low) || !std::isfinite(*high) ||
            *count < 1 || *count > 1000) {
            throw InputError("--lr-range: '" + *range +
                             "' is not valid; expected MIN:MAX:N with 0 < MIN <= MAX and "
                             "1 <= N <= 1000");
        }
        const std::vector<double> spaced = core::logSpaced(*low, *high, static_cast<int>(*count));
        rates.insert(rates.end(), spaced.begin(), spaced.end());
    }
    return rates;
}

void checkWritableDestination(const std::string& path, const std::string& flag) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::error_code error;
    if (fs::is_directory(target, error)) {
        throw InputError(flag + ": '" + path + "' is a directory; expected a file name");
    }
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(parent, error)) {
        throw InputError(flag + ": folder '" + parent.string() + "' does not exist");
    }
}

// The optimizer settings' lines of --help, from core's table of who uses what.
std::string optimizerFlagsHelp() {
    std::string text;
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        std::string flag = "  --" + std::string(info.key) + (info.isSwitch ? "" : " X");
        flag.resize(std::max<std::size_t>(flag.size() + 1, 26), ' ');
        // Who uses it, and the default of each (torch.optim's), grouped when they agree.
        std::vector<std::pair<std::string, std::vector<OptimizerKind>>> defaults;
        for (const OptimizerKind kind : info.usedBy) {
            const double value = core::settingValue(core::defaultsFor(kind), info.setting);
            const std::string shown =
                info.isSwitch ? (value != 0.0 ? "on" : "off") : core::formatNumber(value);
            auto it = std::find_if(defaults.begin(), defaults.end(),
                                   [&](const auto& entry) { return entry.first == shown; });
            if (it == defaults.end()) {
                defaults.push_back({shown, {kind}});
            } else {
                it->second.push_back(kind);
            }
        }
        std::string shownDefaults;
        for (const auto& [value, kinds] : defaults) {
            shownDefaults += (shownDefaults.empty() ? "" : "; ") +
                             (defaults.size() == 1 ? value : namesOf(kinds) + " " + value);
        }
        const std::string users = info.usedBy.size() == std::size(core::kAllOptimizers)
                                      ? std::string("all optimizers")
                                      : namesOf(info.usedBy);
        text += flag + users + "  [" + shownDefaults + "]\n";
    }
    return text;
}

std::string runFlagsHelp() {
    return R"(Data:
  --dataset NAME          built-in set: xor, circles, spiral, blobs, moons, sine (generated),
                          iris, breast_cancer, digits (shipped)            [spiral]
  --data FILE.csv         a CSV file with a header row instead of --dataset
  --target COL            target column, by name or 0-based index          [last column]
  --task classify|regress what the target is (CSV and shipped sets)        [classify]
  --samples N             generated sets: number of points                 [200]
  --noise X               generated sets: Gaussian noise (std. deviation)  [0.1]
  --rows N                use only the first N data rows
  --test-fraction F       share held out for testing, 0 <= F < 1           [0.2]
  --standardize, --no-standardize
                          z-score features with training statistics        [on]
Network:
  --layers 8,8            hidden layer widths; empty for none              [8,8]
  --activation NAME       linear, sigmoid, tanh, relu, leaky_relu (hidden) [tanh]
  --loss NAME             cross_entropy or mse        [cross_entropy; mse for regression]
  --init SCHEME           default (PyTorch nn.Linear), xavier, he, uniform:A:B  [default]
  --bias-init X           set every initial bias to X
  --init-weights FILE     start from these weights (JSON, PyTorch nn.Linear layout)
Optimizer (PyTorch torch.optim definitions and defaults):
  --optimizer NAME        sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam, adamw
  --lr X                  learning rate, 0 < X <= 100     [the optimizer's default]
)" + optimizerFlagsHelp() +
           R"(Schedule (stepped once per epoch; epoch 1 trains at the initial rate):
  --schedule S            constant, step:K:GAMMA, exp:GAMMA, cosine:TMAX[:ETA_MIN]  [constant]
  --warmup N              linear warm-up: epoch e <= N trains at lr * e / N [0]
Training:
  --batch-size N          mini-batch size; 0 = full batch                  [10]
  --shuffle, --no-shuffle reshuffle the training rows every epoch          [on]
  --epochs N              number of epochs                                 [100]
  --seed N                seed for data, split, initial weights, shuffling [1]
)";
}

}  // namespace lrscope::cli
