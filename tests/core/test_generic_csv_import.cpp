#include "core/io/generic_csv_import.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "tests/core/import_test_files.hpp"

namespace lrscope::core {
namespace {

using Points = std::vector<std::pair<double, double>>;

std::vector<ImportedSeries> logFile(const std::string& path, const CsvSeriesColumns& columns = {}) {
    return genericCsvFromText(readFile(path), path, columns);
}

std::string logError(const std::string& name, const CsvSeriesColumns& columns = {}) {
    return importErrorOf(name, [&](const std::string& path) { logFile(path, columns); });
}

std::string textError(std::string_view text, const CsvSeriesColumns& columns) {
    try {
        genericCsvFromText(text, "log.csv", columns);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

// Lightning's metrics.csv: training and validation rows interleaved, each leaving the other's
// cells empty; epoch is a coarser counter beside step.
TEST(GenericCsvImport, EachValueColumnBecomesASeriesAndEmptyCellsGiveNoPoint) {
    const std::string path = goodImportFile("lightning_metrics.csv");
    const std::vector<ImportedSeries> series = logFile(path);
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series[0].name, "train_loss");
    EXPECT_EQ(series[0].source, path);
    EXPECT_EQ(series[0].points, (Points{{49, 0.9}, {99, 0.7}, {149, 0.6}, {199, 0.5}}));
    EXPECT_EQ(series[1].name, "val_loss");
    EXPECT_EQ(series[1].points, (Points{{99, 0.8}, {199, 0.65}}));
}

TEST(GenericCsvImport, NamedColumnsByNameOrIndex) {
    const std::string path = goodImportFile("lightning_metrics.csv");
    const std::vector<ImportedSeries> byName = logFile(path, {"epoch", {"val_loss"}});
    ASSERT_EQ(byName.size(), 1u);
    EXPECT_EQ(byName[0].points, (Points{{0, 0.8}, {1, 0.65}}));
    const std::vector<ImportedSeries> byIndex = logFile(path, {"1", {"3", "2"}});
    ASSERT_EQ(byIndex.size(), 2u);
    EXPECT_EQ(byIndex[0].name, "val_loss");  // in the order given
    EXPECT_EQ(byIndex[1].name, "train_loss");
    EXPECT_EQ(byIndex[1].points, (Points{{49, 0.9}, {99, 0.7}, {149, 0.6}, {199, 0.5}}));
}

TEST(GenericCsvImport, QuotedFieldsCaseInsensitiveStepNameAndTextColumnsLeftOut) {
    const std::vector<ImportedSeries> series = logFile(goodImportFile("quoted_log.csv"));
    ASSERT_EQ(series.size(), 1u);  // 'phase' holds text; 'note' has no number
    EXPECT_EQ(series[0].name, "loss, train");
    EXPECT_EQ(series[0].points, (Points{{1, 0.5}, {2, 0.4}, {3, 0.3}}));
}

TEST(GenericCsvImport, PrefersStepOverIterationOverEpochAndLeavesWallTimeOut) {
    const std::vector<ImportedSeries> series = genericCsvFromText(
        "wall_time,epoch,Iteration,STEP,loss\n1.5,0,10,100,0.9\n2.5,0,20,200,nan\n", "log.csv");
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].name, "loss");
    ASSERT_EQ(series[0].points.size(), 2u);
    EXPECT_EQ(series[0].points[0], (std::pair<double, double>{100, 0.9}));
    EXPECT_EQ(series[0].points[1].first, 200);
    EXPECT_TRUE(std::isnan(series[0].points[1].second));
}

TEST(GenericCsvImport, FileErrorsNameFileLineAndColumn) {
    EXPECT_EQ(logError("empty.csv"),
              "empty.csv:1:1: found an empty file; expected a header row naming the columns, "
              "such as step,loss");
    EXPECT_EQ(logError("log_header_only.csv"),
              "log_header_only.csv:4:1: found the end of the file after the header; expected "
              "data rows");
    EXPECT_EQ(logError("log_no_step.csv"),
              "log_no_step.csv:1:1: found no step column (the header has: time, loss); expected "
              "a column named step, iteration or epoch, or the x column given by name or index");
    EXPECT_EQ(logError("log_text_in_values.csv"),
              "log_text_in_values.csv:3:2: found '0.5x'; expected a number, nan, inf or an empty "
              "cell in column 'loss'");
    EXPECT_EQ(logError("log_empty_step.csv"),
              "log_empty_step.csv:3:1: found an empty cell; expected a step (a number) in column "
              "'step'");
    EXPECT_EQ(logError("log_only_text.csv"),
              "log_only_text.csv:1:1: found no numeric column besides the steps in 'step'; "
              "expected at least one column of values");
    EXPECT_EQ(logError("log_ragged.csv"),
              "log_ragged.csv:3:4: found 4 fields; expected 3 like the header");
    EXPECT_EQ(logError("tb_decreasing_step.csv", {"Step", {}}),
              "tb_decreasing_step.csv:4:2: found step 100 after step 200; expected steps that "
              "never decrease (a step may repeat)");
}

TEST(GenericCsvImport, ColumnErrorsSayWhatTheHeaderHas) {
    const std::string text = "step,loss,acc\n1,0.5,\n2,0.4,\n";
    EXPECT_EQ(textError(text, {"time", {}}),
              "log.csv:1:1: found no column 'time' (the header has: step, loss, acc); expected "
              "the x (step) column by name or 0-based index 0..2");
    EXPECT_EQ(textError(text, {"", {"5"}}),
              "log.csv:1:1: found no column '5' (the header has: step, loss, acc); expected the "
              "y (value) column by name or 0-based index 0..2");
    EXPECT_EQ(textError(text, {"", {"loss", "1"}}),
              "log.csv:1:1: found the y column 'loss' twice; expected each value column once");
    EXPECT_EQ(textError(text, {"", {"step"}}),
              "log.csv:1:1: found the x column 'step' among the y columns; expected value "
              "columns other than the steps");
    EXPECT_EQ(textError(text, {"", {"acc"}}),
              "log.csv:1:1: found no values in column 'acc'; expected at least one number");
    EXPECT_EQ(textError("step,loss,loss\n1,2,3\n", {"", {"loss"}}),
              "log.csv:1:1: found two columns named 'loss'; expected the y (value) column by a "
              "unique name or a 0-based index");
    // A named column must hold numbers from its first cell on.
    EXPECT_EQ(textError("step,phase\n1,warmup\n", {"", {"phase"}}),
              "log.csv:2:2: found 'warmup'; expected a number, nan, inf or an empty cell in "
              "column 'phase'");
}

}  // namespace
}  // namespace lrscope::core
