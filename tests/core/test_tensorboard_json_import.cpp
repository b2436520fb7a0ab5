#include "core/io/tensorboard_json_import.hpp"

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

ImportedSeries jsonFile(const std::string& path) {
    return tensorBoardJsonFromText(readFile(path), path);
}

std::string jsonError(const std::string& name) {
    return importErrorOf(name, [](const std::string& path) { jsonFile(path); });
}

TEST(TensorBoardJsonImport, ReadsTheJsonDownloadInAnyNumberFormAndItsNonFiniteStrings) {
    const ImportedSeries series = jsonFile(goodImportFile("run-eval-tag-accuracy.json"));
    EXPECT_EQ(series.name, "run-eval-tag-accuracy");
    ASSERT_EQ(series.points.size(), 7u);
    EXPECT_EQ(series.points[0], (std::pair<double, double>{0, 0.1}));
    EXPECT_EQ(series.points[1], (std::pair<double, double>{100, 0.5}));
    EXPECT_TRUE(std::isnan(series.points[2].second));
    EXPECT_EQ(series.points[3].first, 300);  // written 3e2
    EXPECT_EQ(series.points[3].second, 0.0);
    EXPECT_TRUE(std::signbit(series.points[3].second));  // -0.0 stays -0.0
    EXPECT_EQ(series.points[4].second, std::numeric_limits<double>::infinity());
    EXPECT_EQ(series.points[5].second, -std::numeric_limits<double>::infinity());
    EXPECT_EQ(series.points[6], (std::pair<double, double>{600, 1.0}));  // an integer value
}

TEST(TensorBoardJsonImport, JsonMayStartWithAByteOrderMark) {
    EXPECT_EQ(tensorBoardJsonFromText("\xEF\xBB\xBF[[1.5, 2, 3]]", "x.json").points,
              (Points{{2, 3}}));
}

TEST(TensorBoardJsonImport, JsonErrorsNameTheLineColumnOrPath) {
    // The file ends inside the second row: after its last line break.
    const std::string notJson = jsonError("tb_not_json.json");
    EXPECT_TRUE(notJson.starts_with("tb_not_json.json: line 3, column 1: invalid JSON ("))
        << notJson;
    EXPECT_EQ(jsonError("tb_object.json"),
              "tb_object.json: found an object; expected an array of [wall_time, step, value] "
              "rows (TensorBoard's JSON download)");
    EXPECT_EQ(jsonError("tb_empty_array.json"),
              "tb_empty_array.json: found an empty array; expected an array of "
              "[wall_time, step, value] rows (TensorBoard's JSON download)");
    EXPECT_EQ(jsonError("tb_short_row.json"),
              "tb_short_row.json: [1]: found an array of 2 values; expected "
              "[wall_time, step, value]");
    EXPECT_EQ(jsonError("tb_string_step.json"),
              "tb_string_step.json: [0][1]: found \"one\"; expected the step (a number)");
    EXPECT_EQ(jsonError("tb_decreasing_step.json"),
              "tb_decreasing_step.json: [1][1]: found step 4 after step 5; expected steps that "
              "never decrease (a step may repeat)");
    // Python's json.dumps writes a bare NaN, which is not JSON; TensorBoard writes "NaN".
    // The N is the 18th character of the line.
    const std::string bareNan = jsonError("tb_bare_nan.json");
    EXPECT_TRUE(bareNan.starts_with("tb_bare_nan.json: line 1, column 18: invalid JSON ("))
        << bareNan;
}

TEST(TensorBoardJsonImport, JsonNumberBeyondDoublesRangeIsAnInputErrorWithItsPlace) {
    try {
        // Line 2 is "  [4, 5, 1e999]]": the number starts at its 10th character.
        tensorBoardJsonFromText("[[1, 2, 3],\n  [4, 5, 1e999]]", "x.json");
        ADD_FAILURE() << "accepted 1e999";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "x.json: line 2, column 10: found the number '1e999', beyond double's "
                     "range; expected numbers within about 1.8e308");
    }
}

TEST(TensorBoardJsonImport, JsonRowsHoldThreeNumbersAndNothingDeeper) {
    const auto error = [](std::string_view text) {
        try {
            tensorBoardJsonFromText(text, "x.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error("[[1, 2, 3, 4]]"),
              "x.json: [0]: found an array of more than 3 values; expected "
              "[wall_time, step, value]");
    EXPECT_EQ(error("[[1, 2, 3], 7]"), "x.json: [1]: found 7; expected [wall_time, step, value]");
    EXPECT_EQ(error("[[1, [2], 3]]"),
              "x.json: [0][1]: found an array; expected the step (a number)");
    EXPECT_EQ(error("[[1, 2, {\"v\": 3}]]"),
              "x.json: [0][2]: found an object; expected the value (a number, or \"NaN\", "
              "\"Infinity\", \"-Infinity\")");
    EXPECT_EQ(error("[[null, 2, 3]]"),
              "x.json: [0][0]: found null; expected the wall time in seconds (a finite number)");
    EXPECT_EQ(error("[[\"NaN\", 2, 3]]"),
              "x.json: [0][0]: found \"NaN\"; expected the wall time in seconds (a finite "
              "number)");
    EXPECT_EQ(error("42"),
              "x.json: found 42; expected an array of [wall_time, step, value] rows "
              "(TensorBoard's JSON download)");
    // Deep nesting stops at the first level too deep, whatever follows.
    EXPECT_EQ(error(std::string(100000, '[')),
              "x.json: [0][0]: found an array; expected the wall time in seconds (a finite "
              "number)");
}

TEST(TensorBoardJsonImport, JsonStepThatIsNotFiniteIsRefused) {
    try {
        tensorBoardJsonFromText(R"([[1, "Infinity", 2]])", "x.json");
        ADD_FAILURE() << "accepted an infinite step";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "x.json: [0][1]: found step inf; expected a finite number");
    }
}

}  // namespace
}  // namespace lrscope::core
