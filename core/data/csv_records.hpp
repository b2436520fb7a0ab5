#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lrscope::core {

// Splits CSV text into records one at a time, without building a table, so that readers of
// long files hold only one record. Accepts a UTF-8 BOM, CRLF, LF or lone CR line ends,
// quoted fields (RFC 4180, "" for a quote, separators and line breaks inside quotes) and
// blank lines (skipped, but counted). Spaces and tabs around unquoted fields are trimmed.
class CsvRecordReader {
public:
    // `source` names the text in messages and must outlive the reader. Throws InputError
    // when the text holds a NUL byte (a binary file).
    CsvRecordReader(std::string_view text, const std::string& source);

    // Reads the next non-blank record into `fields` and the line it starts on into
    // `startLine` (1-based); false at the end of the text. Throws InputError for an
    // unterminated quote or text after a closing quote.
    bool next(std::vector<std::string>& fields, int& startLine);

    // The line the reader is on: after the end, one past the last line.
    int line() const { return line_; }

private:
    bool atLineEnd() const;
    void consumeLineEnd();
    void skipBlankLines();
    std::string readField(int column);
    std::string readQuotedField(int column);

    std::string_view text_;
    const std::string& source_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

}  // namespace lrscope::core
