#include <unistd.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "app/cli/help_text.hpp"
#include "core/base/errors.hpp"
#include "core/nn/blas_backend.hpp"
#include "core/nn/linalg.hpp"
#include "lrscope/build_info.hpp"
#ifdef LRSCOPE_WITH_PLOT
#include "app/cli/plot_command.hpp"
#endif

int main(int argc, char** argv) {
    using namespace lrscope;
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> all(argv + 1, argv + argc);
    cli::Console console{std::cout, std::cerr, isatty(STDERR_FILENO) == 1};
    if (all.empty() || all.front() == "--help" || all.front() == "-h" || all.front() == "help") {
        std::cout << cli::mainHelp();
        return all.empty() ? cli::kExitBadInput : cli::kExitOk;
    }
    if (all.front() == "--version") {
        std::cout << "lrscope-cli " << LRSCOPE_VERSION << " (commit " << build::kCommit << ")\n";
        std::cout << "BLAS: " << core::blasDescription() << '\n';
        return cli::kExitOk;
    }
    core::useSingleThreadedBlas();
    const std::string command = all.front();
    const std::vector<std::string> args(all.begin() + 1, all.end());
    try {
        if (command == "train") {
            return cli::runTrainCommand(args, console);
        }
        if (command == "sweep") {
            return cli::runSweepCommand(args, console);
        }
        if (command == "lr-find") {
            return cli::runLrFindCommand(args, console);
        }
        if (command == "landscape") {
            return cli::runLandscapeCommand(args, console);
        }
        if (command == "predict") {
            return cli::runPredictCommand(args, console);
        }
        if (command == "merge") {
            return cli::runMergeCommand(args, console);
        }
#ifdef LRSCOPE_WITH_PLOT
        if (command == "plot") {
            return cli::runPlotCommand(args, std::cout, std::cerr);
        }
#endif
        std::cerr << "lrscope-cli: unknown command '" << command
                  << "'; expected train, sweep, lr-find, landscape, predict, merge"
#ifdef LRSCOPE_WITH_PLOT
                  << ", plot"
#endif
                  << " (see lrscope-cli --help)\n";
        return cli::kExitBadInput;
    } catch (const core::InputError& e) {
        std::cout.flush();
        std::cerr << "lrscope-cli: " << e.what() << '\n';
        return cli::kExitBadInput;
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "lrscope-cli: internal error: " << e.what() << '\n';
        return cli::kExitInternalError;
    }
}
