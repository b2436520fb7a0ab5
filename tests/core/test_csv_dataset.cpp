#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/base/errors.hpp"
#include "core/data/csv_reader.hpp"

namespace lrscope::core {
namespace {

using Names = std::vector<std::string>;

std::string fixture(const std::string& name) {
    return std::string(LRSCOPE_TEST_DATA_DIR) + "/data/" + name;
}

Dataset load(const std::string& name, CsvDataOptions options = {}) {
    return loadCsvDataset(fixture(name), options);
}

// The message of the InputError that loading a fixture throws, with the path shortened to
// the file name so expectations read like what a user sees for "data.csv".
std::string loadError(const std::string& name, CsvDataOptions options = {}) {
    try {
        load(name, options);
    } catch (const InputError& e) {
        std::string message = e.what();
        const std::string path = fixture(name);
        if (message.rfind(path, 0) == 0) {
            message.replace(0, path.size(), name);
        }
        return message;
    }
    ADD_FAILURE() << "expected an InputError for " << name;
    return "";
}

Dataset fromText(std::string_view text, CsvDataOptions options = {}) {
    return tableToDataset(parseCsv(text, "data.csv"), options, "data.csv");
}

std::string textError(std::string_view text, CsvDataOptions options = {}) {
    try {
        fromText(text, options);
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError for: " << text;
    return "";
}

// ---- good but tricky files -------------------------------------------------------------

TEST(CsvDataset, BomCrlfAndStringLabels) {
    const Dataset data = load("good/bom_crlf.csv");
    EXPECT_EQ(data.task, Task::Classify);
    EXPECT_EQ(data.featureNames, (Names{"x1", "x2"}));
    EXPECT_EQ(data.targetName, "label");
    EXPECT_EQ(data.classNames, (Names{"cat", "dog"}));
    EXPECT_EQ(data.labels, (std::vector<int>{0, 1, 0}));
    ASSERT_EQ(data.features.rows(), 2);
    ASSERT_EQ(data.features.cols(), 3);
    EXPECT_EQ(data.features(0, 0), 0.5);
    EXPECT_EQ(data.features(1, 0), 1.5);
    EXPECT_EQ(data.features(0, 1), -1.0);
    EXPECT_EQ(data.features(1, 1), 0.2);
    EXPECT_EQ(data.features(1, 2), 4.0);  // "+4"
    EXPECT_EQ(data.outputCount(), 2);
}

TEST(CsvDataset, QuotedHeadersAndMultiLineLabels) {
    const Dataset data = load("good/quoted.csv");
    EXPECT_EQ(data.featureNames, (Names{"x, first", "the \"second\""}));
    EXPECT_EQ(data.targetName, "fruit");
    EXPECT_EQ(data.classNames, (Names{"apple, red", "banana\nyellow", "say \"cherry\""}));
    EXPECT_EQ(data.labels, (std::vector<int>{0, 1, 2, 0}));
    EXPECT_EQ(data.features(0, 3), 7.0);
    EXPECT_EQ(data.features(1, 3), 8.0);
}

TEST(CsvDataset, NoTrailingNewline) {
    const Dataset data = load("good/no_trailing_newline.csv");
    EXPECT_EQ(data.sampleCount(), 2);
    EXPECT_EQ(data.labels, (std::vector<int>{0, 1}));
    EXPECT_EQ(data.features(1, 1), 4.0);
}

TEST(CsvDataset, BlankLinesAreSkipped) {
    const Dataset data = load("good/blank_lines.csv");
    EXPECT_EQ(data.sampleCount(), 2);
    EXPECT_EQ(data.classNames, (Names{"a", "b"}));
}

TEST(CsvDataset, NumericLabelsSortNumerically) {
    const Dataset data = load("good/numeric_labels.csv");
    // 1 < 2 < 10; "2.0" is the same class as "2" and keeps the first spelling.
    EXPECT_EQ(data.classNames, (Names{"1", "2", "10"}));
    EXPECT_EQ(data.labels, (std::vector<int>{2, 1, 0, 1, 2}));
    EXPECT_EQ(data.outputCount(), 3);
}

TEST(CsvDataset, Regression) {
    const Dataset data = load("good/regression.csv", {"", Task::Regress, std::nullopt});
    EXPECT_EQ(data.task, Task::Regress);
    EXPECT_EQ(data.featureNames, (Names{"x", "noise"}));
    EXPECT_EQ(data.targetName, "y");
    EXPECT_TRUE(data.labels.empty());
    EXPECT_TRUE(data.classNames.empty());
    ASSERT_EQ(data.targets.rows(), 1);
    ASSERT_EQ(data.targets.cols(), 3);
    EXPECT_EQ(data.targets(0, 0), 0.5);
    EXPECT_EQ(data.targets(0, 2), -2.25);
    EXPECT_EQ(data.outputCount(), 1);
}

TEST(CsvDataset, TrailingCommas) {
    const Dataset data = load("good/trailing_comma.csv");
    EXPECT_EQ(data.featureNames, (Names{"x1", "x2"}));
    EXPECT_EQ(data.classNames, (Names{"a", "b"}));
}

TEST(CsvDataset, TargetByNameOrIndex) {
    const std::string text = "a,y,b\n1,p,2\n3,q,4\n5,p,6\n";
    const Dataset byName = fromText(text, {"y", Task::Classify, std::nullopt});
    EXPECT_EQ(byName.featureNames, (Names{"a", "b"}));
    EXPECT_EQ(byName.labels, (std::vector<int>{0, 1, 0}));
    EXPECT_EQ(byName.features(1, 2), 6.0);

    const Dataset byIndex = fromText(text, {"1", Task::Classify, std::nullopt});
    EXPECT_EQ(byIndex.targetName, "y");
    EXPECT_EQ(byIndex.features, byName.features);

    const Dataset first = fromText("c,x\n0,1.5\n1,2.5\n", {"0", Task::Classify, std::nullopt});
    EXPECT_EQ(first.targetName, "c");
    EXPECT_EQ(first.featureNames, (Names{"x"}));
}

TEST(CsvDataset, AColumnNamedLikeAnIndexWinsOverTheIndex) {
    // Column 0 is named "2"; index 2 would be column "y".
    const Dataset data = fromText("2,x,y\np,1,3\nq,2,4\n", {"2", Task::Classify, std::nullopt});
    EXPECT_EQ(data.targetName, "2");
    EXPECT_EQ(data.classNames, (Names{"p", "q"}));
    EXPECT_EQ(data.featureNames, (Names{"x", "y"}));
}

TEST(CsvDataset, MaxRowsUsesTheFirstRows) {
    const Dataset data = load("good/numeric_labels.csv", {"", Task::Classify, 3L});
    EXPECT_EQ(data.sampleCount(), 3);
    EXPECT_EQ(data.classNames, (Names{"1", "2", "10"}));
    EXPECT_EQ(data.features(0, 2), 0.3);

    const Dataset all = load("good/numeric_labels.csv", {"", Task::Classify, 1000L});
    EXPECT_EQ(all.sampleCount(), 5);
}

TEST(CsvDataset, MaxRowsLeavingOneClass) {
    EXPECT_EQ(textError("x,y\n1,a\n2,a\n3,b\n", {"", Task::Classify, 2L}),
              "data.csv: the target column 'y' has only one class ('a') in the first 2 rows; "
              "classification needs at least two");
}

// ---- bad files ---------------------------------------------------------------------------

TEST(CsvDataset, EmptyFile) {
    EXPECT_EQ(loadError("bad/empty.csv"),
              "bad/empty.csv: the file is empty; expected a header row and at least one data "
              "row");
    EXPECT_EQ(loadError("bad/only_blank_lines.csv"),
              "bad/only_blank_lines.csv: the file is empty; expected a header row and at least "
              "one data row");
}

TEST(CsvDataset, HeaderOnly) {
    EXPECT_EQ(loadError("bad/header_only.csv"),
              "bad/header_only.csv: the file has a header row but no data rows; expected at "
              "least one data row");
}

TEST(CsvDataset, RaggedRow) {
    EXPECT_EQ(loadError("bad/ragged.csv"),
              "bad/ragged.csv:9: line 9 has 4 fields, the header has 5");
}

TEST(CsvDataset, NonNumericFeature) {
    EXPECT_EQ(loadError("bad/non_numeric.csv"),
              "bad/non_numeric.csv:17:3: 'abc' is not a number (column 'x3')");
}

TEST(CsvDataset, NanAndInfValues) {
    EXPECT_EQ(loadError("bad/nan.csv"),
              "bad/nan.csv:3:2: 'nan' is not a finite number (column 'x2')");
    EXPECT_EQ(loadError("bad/inf.csv"),
              "bad/inf.csv:4:1: '-inf' is not a finite number (column 'x1')");
    EXPECT_EQ(loadError("bad/overflow.csv"),
              "bad/overflow.csv:3:2: '1e999' is not a finite number (column 'x2')");
}

TEST(CsvDataset, EmptyCells) {
    EXPECT_EQ(loadError("bad/empty_cell.csv"),
              "bad/empty_cell.csv:3:2: empty value; expected a number (column 'x2')");
    EXPECT_EQ(loadError("bad/empty_label.csv"),
              "bad/empty_label.csv:3:3: empty value; expected a class label (column 'y')");
}

TEST(CsvDataset, LineNumbersCountLinesInsideQuotes) {
    EXPECT_EQ(loadError("bad/multiline_then_bad.csv"),
              "bad/multiline_then_bad.csv:6:2: 'oops' is not a number (column 'x2')");
}

TEST(CsvDataset, UnknownTargetColumn) {
    EXPECT_EQ(loadError("bad/nan.csv", {"lable", Task::Classify, std::nullopt}),
              "bad/nan.csv: target column 'lable' not found; columns are: x1, x2, y");
    EXPECT_EQ(loadError("bad/nan.csv", {"3", Task::Classify, std::nullopt}),
              "bad/nan.csv: target column index 3 is out of range; the file has 3 columns, so "
              "the index must be 0..2");
    EXPECT_EQ(loadError("bad/nan.csv", {"-1", Task::Classify, std::nullopt}),
              "bad/nan.csv: target column index -1 is out of range; the file has 3 columns, so "
              "the index must be 0..2");
}

TEST(CsvDataset, AmbiguousTargetName) {
    EXPECT_EQ(textError("y,x,y\n1,2,a\n3,4,b\n", {"y", Task::Classify, std::nullopt}),
              "data.csv: target column 'y' is ambiguous: columns 1 and 3 have that name; give "
              "the target as a 0-based index instead");
}

TEST(CsvDataset, OneClassOnly) {
    EXPECT_EQ(loadError("bad/one_class.csv"),
              "bad/one_class.csv: the target column 'y' has only one class ('a'); "
              "classification needs at least two");
}

TEST(CsvDataset, UnterminatedQuote) {
    EXPECT_EQ(loadError("bad/unterminated_quote.csv"),
              "bad/unterminated_quote.csv:3: the quoted field in column 3 is never closed; "
              "expected a closing '\"' before the end of the file");
}

TEST(CsvDataset, JunkAfterQuote) {
    EXPECT_EQ(loadError("bad/junk_after_quote.csv"),
              "bad/junk_after_quote.csv:2:3: unexpected 'b' after a closing quote; expected "
              "',' or the end of the line");
}

TEST(CsvDataset, BinaryFile) {
    EXPECT_EQ(loadError("bad/binary.csv"),
              "bad/binary.csv:3: the file contains a NUL byte, so it is not text; expected a "
              "CSV file with a header row");
}

TEST(CsvDataset, RegressionTargetMustBeNumeric) {
    EXPECT_EQ(loadError("bad/text_target.csv", {"", Task::Regress, std::nullopt}),
              "bad/text_target.csv:4:2: 'lots' is not a number (target column 'y'); regression "
              "needs numbers");
}

TEST(CsvDataset, NoFeatureColumns) {
    EXPECT_EQ(loadError("bad/single_column.csv"),
              "bad/single_column.csv: the file has only the target column 'y'; expected at "
              "least one feature column besides it");
}

TEST(CsvDataset, MissingFile) {
    const std::string path = fixture("no_such_file.csv");
    try {
        loadCsvDataset(path, {});
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), path + ": cannot open file (No such file or directory)");
    }
}

TEST(CsvDataset, HandMadeTablesAreCheckedToo) {
    CsvTable table;
    table.header = {"x", "y"};
    table.rows = {{"1", "a"}, {"2"}};  // ragged, and no row_lines
    try {
        tableToDataset(table, {}, "table");
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), "table:3: line 3 has 1 field, the header has 2");
    }
}

TEST(CsvDataset, MessagesStayOnOneLine) {
    EXPECT_EQ(textError("\"x\n1\",y\n1,a\n\"2\n3\",b\n"),
              "data.csv:4:1: '2\\n3' is not a number (column 'x\\n1')");
    EXPECT_EQ(textError("x,y\n1\x01,a\n"), "data.csv:2:1: '1\\x01' is not a number (column 'x')");
}

TEST(CsvDataset, LongCellsAreShortenedInMessages) {
    const std::string cell(100, 'z');
    EXPECT_EQ(textError("x,y\n" + cell + ",a\n1,b\n"),
              "data.csv:2:1: '" + std::string(40, 'z') + "...' is not a number (column 'x')");
}

}  // namespace
}  // namespace lrscope::core
