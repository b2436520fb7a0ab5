#include <cmath>
#include <set>
#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/run_options.hpp"
#include "core/analysis/optimizer_path.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::cli {

namespace {

constexpr long kMaxSteps = 1'000'000;

std::string required(const Arguments& args, const std::string& flag, const std::string& example) {
    const auto value = args.value(flag);
    if (!value) {
        throw core::InputError(flag + ": missing; expected e.g. " + flag + " " + example +
                               " (see lrscope-cli landscape --help)");
    }
    return *value;
}

core::PlanePoint parseStart(const std::string& text) {
    const auto items = splitList(text, "--start");
    const auto x = items.size() == 2 ? core::parseDouble(items[0]) : std::nullopt;
    const auto y = items.size() == 2 ? core::parseDouble(items[1]) : std::nullopt;
    if (!x || !y || !std::isfinite(*x) || !std::isfinite(*y)) {
        throw core::InputError("--start: '" + text +
                               "' is not a point; expected X,Y (two finite numbers), e.g. "
                               "--start -1.5,2");
    }
    return {*x, *y};
}

}  // namespace

int runLandscapeCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << landscapeHelp();
        return kExitOk;
    }
    std::vector<std::string> valueFlags = {"--function", "--optimizer", "--lr",       "--start",
                                           "--steps",    "--out",       "--schedule", "--warmup"};
    for (const auto& flag : optimizerValueFlags()) {
        valueFlags.push_back(flag);
    }
    const Arguments arguments(args, valueFlags, optimizerSwitchFlags(), "landscape");

    const auto function = core::parseTestFunction(required(arguments, "--function", "rosenbrock"));
    required(arguments, "--optimizer", "sgd,adam");
    const auto kinds = optimizersFromArguments(arguments);
    std::set<core::OptimizerKind> seen;
    for (const auto kind : kinds) {
        if (!seen.insert(kind).second) {
            throw core::InputError("--optimizer: " + std::string(core::optimizerName(kind)) +
                                   " is given twice; expected each optimizer once");
        }
    }
    required(arguments, "--lr", "0.01");
    const double lr = *arguments.number("--lr");
    const core::PlanePoint start = parseStart(required(arguments, "--start", "-1.5,2"));
    required(arguments, "--steps", "500");
    const long steps = *arguments.integer("--steps");
    if (steps < 1 || steps > kMaxSteps) {
        throw core::InputError("--steps: " + std::to_string(steps) +
                               " is out of range; expected 1 to " + std::to_string(kMaxSteps));
    }
    const core::LrSchedule schedule = scheduleFromArguments(arguments);
    std::vector<core::OptimizerSettings> settings;
    for (const auto kind : kinds) {
        settings.push_back(optimizerSettingsFromArguments(arguments, kind, lr, kinds));
    }
    const auto outPath = arguments.value("--out");
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }

    std::string csv = "optimizer,step,x,y,value\n";
    std::ostringstream notes;
    for (const auto& setting : settings) {
        const std::string name(core::optimizerName(setting.kind));
        const core::OptimizerPath path =
            core::optimizerPath(function, setting, schedule, start, static_cast<int>(steps));
        for (size_t k = 0; k < path.points.size(); ++k) {
            const auto& p = path.points[k];
            csv += name + "," + std::to_string(k) + "," + core::formatNumber(p.x) + "," +
                   core::formatNumber(p.y) + "," + core::formatNumber(p.value) + "\n";
        }
        if (path.divergedAt) {
            notes << "lrscope-cli: " << name << " diverged at step " << *path.divergedAt
                  << " (NaN or Inf); its path up to step " << path.points.size() - 1
                  << " was written\n";
        }
    }
    if (outPath) {
        core::writeFileAtomically(*outPath, csv);
    } else {
        console.out << csv;
        console.out.flush();
    }
    console.err << notes.str();
    return kExitOk;
}

}  // namespace lrscope::cli
