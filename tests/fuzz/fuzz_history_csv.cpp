// The runs CSV reader (lrscope-cli plot --runs, Import runs). Whatever it accepts must come
// back the same after writing it with the writer and reading it again.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/io/history_csv.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace lrscope;

namespace {

bool sameOptional(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

bool sameRecord(const core::EpochRecord& a, const core::EpochRecord& b) {
    return a.runId == b.runId && a.epoch == b.epoch && a.trainLoss == b.trainLoss && a.lr == b.lr &&
           sameOptional(a.trainError, b.trainError) && sameOptional(a.testLoss, b.testLoss) &&
           sameOptional(a.testError, b.testError) && sameOptional(a.gradNorm, b.gradNorm) &&
           sameOptional(a.updateRatio, b.updateRatio) && sameOptional(a.stepSize, b.stepSize) &&
           sameOptional(a.lrChangedTo, b.lrChangedTo);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(bytes), size));
    std::vector<core::NamedHistory> runs;
    if (!fuzz::parsesOrRejects([&] { runs = core::readLongCsv(in, "fuzz.csv"); })) {
        return 0;
    }
    // Rows in file order of their runs, as lrscope writes them.
    std::string written = core::longCsvHeader() + "\n";
    for (const auto& run : runs) {
        for (const auto& record : run.history) {
            written += core::longCsvRow(run, record) + "\n";
        }
    }
    std::istringstream again(written);
    std::vector<core::NamedHistory> reread;
    fuzz::check(fuzz::parsesOrRejects([&] { reread = core::readLongCsv(again, "written.csv"); }),
                "the reader rejects what the writer wrote");
    fuzz::check(reread.size() == runs.size(), "the number of runs changed");
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const auto& a = runs[r];
        const auto& b = reread[r];
        fuzz::check(a.run == b.run && a.name == b.name && a.optimizer == b.optimizer &&
                        a.baseLr == b.baseLr && a.history.size() == b.history.size(),
                    "a run's name, optimizer, base_lr or length changed");
        for (std::size_t e = 0; e < a.history.size(); ++e) {
            fuzz::check(sameRecord(a.history[e], b.history[e]), "an epoch record changed");
        }
    }
    return 0;
}
