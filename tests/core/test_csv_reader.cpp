#include "core/data/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

using Row = std::vector<std::string>;

std::string parseError(std::string_view text) {
    try {
        parseCsv(text, "data.csv");
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError for: " << text;
    return "";
}

TEST(CsvReader, ReadsHeaderRowsAndLineNumbers) {
    const CsvTable table = parseCsv("a,b,c\n1,2,3\n4,5,6\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"a", "b", "c"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (Row{"1", "2", "3"}));
    EXPECT_EQ(table.rows[1], (Row{"4", "5", "6"}));
    EXPECT_EQ(table.rowLines, (std::vector<int>{2, 3}));
}

TEST(CsvReader, StripsAUtf8ByteOrderMark) {
    const CsvTable table = parseCsv("\xEF\xBB\xBFx,y\n1,2\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"x", "y"}));
}

TEST(CsvReader, AcceptsCrlfAndLoneCrLineEnds) {
    const CsvTable crlf = parseCsv("x,y\r\n1,2\r\n3,4\r\n", "data.csv");
    EXPECT_EQ(crlf.rows, (std::vector<Row>{{"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(crlf.rowLines, (std::vector<int>{2, 3}));

    const CsvTable cr = parseCsv("x,y\r1,2\r3,4", "data.csv");
    EXPECT_EQ(cr.rows, (std::vector<Row>{{"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(cr.rowLines, (std::vector<int>{2, 3}));
}

TEST(CsvReader, LastLineWithoutNewline) {
    const CsvTable table = parseCsv("x,y\n1,2", "data.csv");
    EXPECT_EQ(table.rows, (std::vector<Row>{{"1", "2"}}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
    const CsvTable table = parseCsv("\nx,y\n\n1,2\n  \t \n\r\n3,4\n\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"x", "y"}));
    EXPECT_EQ(table.rows, (std::vector<Row>{{"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(table.rowLines, (std::vector<int>{4, 7}));
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
    const CsvTable table =
        parseCsv("\"na,me\",\"say \"\"hi\"\"\"\n\"a\nb\",2\n\"\",\"x\r\ny\"\n5,6\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"na,me", "say \"hi\""}));
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0], (Row{"a\nb", "2"}));
    EXPECT_EQ(table.rows[1], (Row{"", "x\r\ny"}));
    EXPECT_EQ(table.rows[2], (Row{"5", "6"}));
    // Physical lines: the quoted line breaks push later rows down.
    EXPECT_EQ(table.rowLines, (std::vector<int>{2, 4, 6}));
}

TEST(CsvReader, TrimsSpacesAroundFields) {
    const CsvTable table = parseCsv(" x , y \n 1 ,\t2\n  \"a \" , 3\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"x", "y"}));
    EXPECT_EQ(table.rows[0], (Row{"1", "2"}));
    EXPECT_EQ(table.rows[1], (Row{"a ", "3"}));  // spaces inside quotes are kept
}

TEST(CsvReader, KeepsEmptyFields) {
    const CsvTable table = parseCsv("a,b,c\n,,\n1,,3\n", "data.csv");
    EXPECT_EQ(table.rows[0], (Row{"", "", ""}));
    EXPECT_EQ(table.rows[1], (Row{"1", "", "3"}));
}

TEST(CsvReader, DropsAnEmptyColumnMadeByTrailingCommas) {
    const CsvTable table = parseCsv("x,y,\n1,2,\n3,4,\n", "data.csv");
    EXPECT_EQ(table.header, (Row{"x", "y"}));
    EXPECT_EQ(table.rows, (std::vector<Row>{{"1", "2"}, {"3", "4"}}));
}

TEST(CsvReader, EmptyFile) {
    const std::string expected =
        "data.csv: the file is empty; expected a header row and at least one data row";
    EXPECT_EQ(parseError(""), expected);
    EXPECT_EQ(parseError("\n\r\n  \n"), expected);
    EXPECT_EQ(parseError("\xEF\xBB\xBF"), expected);
}

TEST(CsvReader, HeaderOnly) {
    EXPECT_EQ(parseError("x,y\n"),
              "data.csv: the file has a header row but no data rows; expected at least one "
              "data row");
}

TEST(CsvReader, RaggedRowNamesItsPhysicalLine) {
    EXPECT_EQ(parseError("a,b,c,d,e\n1,2,3,4,5\n\n1,2,3,4\n"),
              "data.csv:4: line 4 has 4 fields, the header has 5");
    EXPECT_EQ(parseError("a,b\n\"x\ny\",1\n1,2,3\n"),
              "data.csv:4: line 4 has 3 fields, the header has 2");
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineWhereItOpened) {
    EXPECT_EQ(parseError("x,y\n1,2\n3,\"4\n5,6\n"),
              "data.csv:3: the quoted field in column 2 is never closed; expected a closing "
              "'\"' before the end of the file");
}

TEST(CsvReader, TextAfterClosingQuote) {
    EXPECT_EQ(parseError("x,y\n\"1\"2,3\n"),
              "data.csv:2:1: unexpected '2' after a closing quote; expected ',' or the end "
              "of the line");
}

TEST(CsvReader, NulBytesMeanTheFileIsNotText) {
    EXPECT_EQ(parseError(std::string_view("x,y\n1,2\n\x01\x00\xff", 11)),
              "data.csv:3: the file contains a NUL byte, so it is not text; expected a CSV "
              "file with a header row");
}

}  // namespace
}  // namespace lrscope::core
