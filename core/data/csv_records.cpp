#include "core/data/csv_records.hpp"

#include <algorithm>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"

namespace lrscope::core {

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

CsvRecordReader::CsvRecordReader(std::string_view text, const std::string& source)
    : text_(text), source_(source) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text_.substr(0, kBom.size()) == kBom) {
        text_.remove_prefix(kBom.size());
    }
    if (const size_t nul = text_.find('\0'); nul != std::string_view::npos) {
        const auto line =
            1 + std::count(text_.begin(), text_.begin() + static_cast<long>(nul), '\n');
        throw InputError(source + ":" + std::to_string(line) +
                         ": the file contains a NUL byte, so it is not text; expected a CSV "
                         "file with a header row");
    }
}

bool CsvRecordReader::next(std::vector<std::string>& fields, int& startLine) {
    skipBlankLines();
    if (pos_ >= text_.size()) {
        return false;
    }
    fields.clear();
    startLine = line_;
    for (;;) {
        fields.push_back(readField(static_cast<int>(fields.size()) + 1));
        if (pos_ >= text_.size()) {
            return true;
        }
        const char c = text_[pos_];
        if (c == ',') {
            ++pos_;
            continue;
        }
        consumeLineEnd();
        return true;
    }
}

bool CsvRecordReader::atLineEnd() const {
    return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r';
}

// Consumes "\n", "\r\n" or a lone "\r" at pos_.
void CsvRecordReader::consumeLineEnd() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        ++pos_;
    }
    ++pos_;
    ++line_;
}

// Lines holding nothing but spaces and tabs are skipped.
void CsvRecordReader::skipBlankLines() {
    while (pos_ < text_.size()) {
        size_t p = pos_;
        while (p < text_.size() && isBlank(text_[p])) {
            ++p;
        }
        if (p < text_.size() && text_[p] != '\n' && text_[p] != '\r') {
            return;
        }
        pos_ = p;
        if (pos_ >= text_.size()) {
            return;
        }
        consumeLineEnd();
    }
}

std::string CsvRecordReader::readField(int column) {
    while (pos_ < text_.size() && isBlank(text_[pos_])) {
        ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '"') {
        return readQuotedField(column);
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
        ++pos_;
    }
    size_t end = pos_;
    while (end > start && isBlank(text_[end - 1])) {
        --end;
    }
    return std::string(text_.substr(start, end - start));
}

std::string CsvRecordReader::readQuotedField(int column) {
    const int openLine = line_;
    ++pos_;  // the opening quote
    std::string field;
    for (;;) {
        if (pos_ >= text_.size()) {
            throw InputError(source_ + ":" + std::to_string(openLine) +
                             ": the quoted field in column " + std::to_string(column) +
                             " is never closed; expected a closing '\"' before the end of "
                             "the file");
        }
        const char c = text_[pos_];
        if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                field.push_back('"');
                pos_ += 2;
                continue;
            }
            ++pos_;
            break;
        }
        if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
            ++line_;
        }
        field.push_back(c);
        ++pos_;
    }
    while (pos_ < text_.size() && isBlank(text_[pos_])) {
        ++pos_;
    }
    if (!atLineEnd() && text_[pos_] != ',') {
        throw InputError(source_ + ":" + std::to_string(line_) + ":" + std::to_string(column) +
                         ": unexpected " + quotedForMessage(text_.substr(pos_, 1)) +
                         " after a closing quote; expected ',' or the end of the line");
    }
    return field;
}

}  // namespace lrscope::core
