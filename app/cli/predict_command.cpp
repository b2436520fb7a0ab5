#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "app/cli/run_options.hpp"
#include "core/analysis/prediction_table.hpp"
#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/data/csv_reader.hpp"
#include "core/io/weights_file.hpp"

namespace lrscope::cli {

namespace {

std::string required(const Arguments& args, const std::string& flag, const std::string& example) {
    const auto value = args.value(flag);
    if (!value) {
        throw core::InputError(flag + ": missing; expected e.g. " + flag + " " + example +
                               " (see lrscope-cli predict --help)");
    }
    return *value;
}

}  // namespace

int runPredictCommand(const std::vector<std::string>& args, Console& console) {
    if (wantsHelp(args)) {
        console.out << predictHelp();
        return kExitOk;
    }
    const Arguments arguments(
        args, {"--weights", "--data", "--target", "--activation", "--loss", "--out"}, {},
        "predict");
    const std::string weightsPath = required(arguments, "--weights", "model.json");
    const std::string dataPath = required(arguments, "--data", "inputs.csv");
    core::PredictionOptions options;
    options.target = arguments.value("--target");
    if (const auto activation = arguments.value("--activation")) {
        options.activation = core::parseActivation(*activation);
    }
    if (const auto loss = arguments.value("--loss")) {
        options.loss = core::parseLoss(*loss);
    }
    const auto outPath = arguments.value("--out");
    if (outPath) {
        checkWritableDestination(*outPath, "--out");
    }

    const core::WeightsFileContents model = core::readWeightsFileContents(weightsPath);
    const core::CsvTable data = core::parseCsv(core::readFile(dataPath), dataPath);
    const std::string csv = core::predictionCsv(model, data, options, dataPath, weightsPath);
    if (outPath) {
        core::writeFileAtomically(*outPath, csv);
    } else {
        console.out << csv;
    }
    return kExitOk;
}

}  // namespace lrscope::cli
