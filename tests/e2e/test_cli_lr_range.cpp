// --lr-range MIN:MAX:N gives the rates a person expects, exactly (issue 8).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/data/csv_reader.hpp"
#include "tests/e2e/cli_runner.hpp"

namespace lrscope::test {
namespace {

// The base_lr column of a sweep's CSV, one entry per run, in run order.
std::vector<std::string> baseRates(const std::string& csv) {
    const core::CsvTable table = core::parseCsv(csv, "sweep output");
    const auto column = static_cast<size_t>(
        std::find(table.header.begin(), table.header.end(), "base_lr") - table.header.begin());
    const auto epoch = static_cast<size_t>(
        std::find(table.header.begin(), table.header.end(), "epoch") - table.header.begin());
    std::vector<std::string> rates;
    for (const auto& row : table.rows) {
        if (row.at(epoch) == "0") {
            rates.push_back(row.at(column));
        }
    }
    return rates;
}

TEST(CliLrRange, DecadesAndEndsAreExactInTheSweepsOutput) {
    const CliResult run = runCli({"sweep", "--dataset", "xor", "--samples", "20", "--epochs", "1",
                                  "--lr-range", "1e-4:1:5", "--threads", "1"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // Shortest round-trip text of the doubles nearest 1e-4 ... 1; before the fix the first
    // read 0.00010000000000000009.
    EXPECT_EQ(baseRates(run.out), (std::vector<std::string>{"1e-04", "0.001", "0.01", "0.1", "1"}));
}

TEST(CliLrRange, EndsAreTheTypedValuesForAnyRange) {
    const CliResult run = runCli({"sweep", "--dataset", "xor", "--samples", "20", "--epochs", "1",
                                  "--lr-range", "3e-4:0.7:3", "--threads", "1"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::vector<std::string> rates = baseRates(run.out);
    ASSERT_EQ(rates.size(), 3u);
    EXPECT_EQ(rates.front(), "3e-04");
    EXPECT_EQ(rates.back(), "0.7");
}

}  // namespace
}  // namespace lrscope::test
