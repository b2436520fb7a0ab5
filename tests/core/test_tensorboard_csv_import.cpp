#include "core/io/tensorboard_csv_import.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "tests/core/import_test_files.hpp"

namespace lrscope::core {
namespace {

using Points = std::vector<std::pair<double, double>>;

ImportedSeries csvFile(const std::string& path) {
    return tensorBoardCsvFromText(readFile(path), path);
}

std::string csvError(const std::string& name) {
    return importErrorOf(name, [](const std::string& path) { csvFile(path); });
}

TEST(TensorBoardCsvImport, ReadsTheCsvDownloadWithNonFiniteValuesKept) {
    const std::string path = goodImportFile("run-train-tag-loss.csv");
    const ImportedSeries series = csvFile(path);
    EXPECT_EQ(series.name, "run-train-tag-loss");
    EXPECT_EQ(series.source, path);
    ASSERT_EQ(series.points.size(), 5u);
    EXPECT_EQ(series.points[0], (std::pair<double, double>{0, 2.3025851249694824}));
    EXPECT_EQ(series.points[1], (std::pair<double, double>{100, 1.2000000476837158}));
    EXPECT_EQ(series.points[2].first, 200);
    EXPECT_TRUE(std::isnan(series.points[2].second));
    EXPECT_EQ(series.points[3], (std::pair<double, double>{300, 0.75}));
    EXPECT_EQ(series.points[4],
              (std::pair<double, double>{400, std::numeric_limits<double>::infinity()}));
}

TEST(TensorBoardCsvImport, AcceptsBomCrlfAndBlankLines) {
    EXPECT_EQ(csvFile(goodImportFile("tb_bom_crlf.csv")).points, (Points{{1, 0.5}, {2, 0.25}}));
}

TEST(TensorBoardCsvImport, KeepsBothPointsOfARepeatedStep) {
    EXPECT_EQ(csvFile(goodImportFile("tb_repeated_step.csv")).points,
              (Points{{0, 1.0}, {100, 0.8}, {200, 0.6}, {200, 0.65}, {300, 0.5}}));
}

TEST(TensorBoardCsvImport, CsvErrorsNameFileLineAndColumn) {
    EXPECT_EQ(csvError("empty.csv"),
              "empty.csv:1:1: found an empty file; expected TensorBoard's CSV header "
              "'Wall time,Step,Value'");
    EXPECT_EQ(csvError("tb_header_only.csv"),
              "tb_header_only.csv:2:1: found the end of the file after the header; expected "
              "rows of 'Wall time,Step,Value'");
    EXPECT_EQ(csvError("tb_ragged.csv"),
              "tb_ragged.csv:3:3: found 2 fields; expected 3 like the header "
              "'Wall time,Step,Value'");
    EXPECT_EQ(csvError("tb_non_numeric.csv"),
              "tb_non_numeric.csv:4:3: found 'abc'; expected the value (a number, nan or inf)");
    EXPECT_EQ(csvError("tb_decreasing_step.csv"),
              "tb_decreasing_step.csv:4:2: found step 100 after step 200; expected steps that "
              "never decrease (a step may repeat)");
    EXPECT_EQ(csvError("tb_nan_step.csv"),
              "tb_nan_step.csv:3:2: found step nan; expected a finite number");
    EXPECT_EQ(csvError("tb_bad_wall_time.csv"),
              "tb_bad_wall_time.csv:2:1: found '2023-11-14 22:13:20'; expected the wall time in "
              "seconds (a finite number)");
    EXPECT_EQ(csvError("tb_unterminated_quote.csv"),
              "tb_unterminated_quote.csv:2: the quoted field in column 3 is never closed; "
              "expected a closing '\"' before the end of the file");
    EXPECT_EQ(csvError("tb_binary.csv"),
              "tb_binary.csv:2: the file contains a NUL byte, so it is not text; expected a CSV "
              "file with a header row");
}

TEST(TensorBoardCsvImport, CsvWithAnotherHeaderSaysWhichColumnDiffers) {
    const auto error = [](std::string_view text) {
        try {
            tensorBoardCsvFromText(text, "x.csv");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error("Wall time,step,Value\n1,2,3\n"),
              "x.csv:1:2: found 'step'; expected 'Step' (TensorBoard's CSV header is "
              "'Wall time,Step,Value')");
    EXPECT_EQ(error("\n\nWall time,Step\n1,2\n"),
              "x.csv:3:3: found the end of the header; expected 'Value' (TensorBoard's CSV "
              "header is 'Wall time,Step,Value')");
    EXPECT_EQ(error("Wall time,Step,Value,Extra\n1,2,3,4\n"),
              "x.csv:1:4: found an extra column 'Extra'; expected the header "
              "'Wall time,Step,Value'");
}

TEST(TensorBoardCsvImport, ReadsAHugeDownloadInFileOrder) {
    constexpr int kRows = 300'000;
    std::string text = "Wall time,Step,Value\n";
    text.reserve(static_cast<size_t>(kRows) * 40);
    for (int i = 0; i < kRows; ++i) {
        text += "1700000000.25," + std::to_string(i) + "," + std::to_string(i % 1000) + ".5\n";
    }
    const ImportedSeries series = tensorBoardCsvFromText(text, "big.csv");
    ASSERT_EQ(series.points.size(), static_cast<size_t>(kRows));
    EXPECT_EQ(series.points.back(), (std::pair<double, double>{kRows - 1, 999.5}));
    EXPECT_EQ(series.points[123'456], (std::pair<double, double>{123'456, 456.5}));
}

}  // namespace
}  // namespace lrscope::core
