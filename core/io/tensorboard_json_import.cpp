#include "core/io/tensorboard_json_import.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/io/json_messages.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kJsonRow = "[wall_time, step, value]";

// The string TensorBoard writes for a non-finite value, or nullopt.
std::optional<double> nonFiniteSpelling(const Json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
        return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
        return -std::numeric_limits<double>::infinity();
    }
    return std::nullopt;
}

// Reads the rows as the parser meets them (SAX), so a long download is never held as a JSON
// tree beside its points, and nesting deeper than a row is refused as soon as it starts.
class TensorBoardJsonReader : public nlohmann::json_sax<Json> {
public:
    TensorBoardJsonReader(std::string_view text, const std::string& source)
        : text_(text), source_(source) {
        series_.name = seriesNameOf(source);
        series_.source = source;
    }

    ImportedSeries take() { return std::move(series_); }

    bool null() override { return cell(Json(nullptr)); }
    bool boolean(bool value) override { return cell(Json(value)); }
    bool number_integer(number_integer_t value) override { return cell(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return cell(Json(value)); }
    bool number_float(number_float_t value, const string_t& /*text*/) override {
        return cell(Json(value));
    }
    bool string(string_t& value) override { return cell(Json(value)); }
    bool binary(binary_t& /*value*/) override { return cell(Json("binary data")); }
    bool key(string_t& /*key*/) override { return true; }  // unreachable: objects are refused
    bool end_object() override { return true; }

    bool start_object(std::size_t /*size*/) override { return container("an object"); }

    bool start_array(std::size_t /*size*/) override {
        if (depth_ < 2) {
            ++depth_;
            cellIndex_ = 0;
            return true;
        }
        return container("an array");
    }

    bool end_array() override {
        if (depth_ == 1 && rows_ == 0) {
            fail("", "found an empty array; expected " + expectedRows());
        }
        if (depth_ == 2) {
            if (cellIndex_ != 3) {
                fail(rowPath(), "found an array of " + std::to_string(cellIndex_) +
                                    (cellIndex_ == 1 ? " value" : " values") + "; expected " +
                                    std::string(kJsonRow));
            }
            series_.points.emplace_back(step_, value_);
            ++rows_;
        }
        --depth_;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& error) override {
        if (error.id == 406) {
            // A number beyond double's range (1e999): nlohmann's message says not where.
            const size_t start = position >= lastToken.size() ? position - lastToken.size() : 0;
            const std::string_view before = text_.substr(0, std::min(start, text_.size()));
            const size_t lineStart = before.rfind('\n');
            const auto line = 1 + std::count(before.begin(), before.end(), '\n');
            const size_t column =
                start - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
            fail("", "line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": found the number " + quotedForMessage(lastToken) +
                         ", beyond double's range; expected numbers within about 1.8e308");
        }
        fail("", jsonParseErrorText(error.what()));
    }

private:
    static std::string expectedRows() {
        return "an array of " + std::string(kJsonRow) + " rows (TensorBoard's JSON download)";
    }

    std::string rowPath() const { return "[" + std::to_string(rows_) + "]"; }

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw InputError(source_ + ": " + (path.empty() ? "" : path + ": ") + message);
    }

    // An object, or an array inside a row: never part of the shape.
    bool container(const std::string& found) {
        if (depth_ == 0) {
            fail("", "found " + found + "; expected " + expectedRows());
        }
        if (depth_ == 1) {
            fail(rowPath(), "found " + found + "; expected " + std::string(kJsonRow));
        }
        return cell(nullptr, found);
    }

    bool cell(const Json& value) { return cell(&value, ""); }

    // A value inside the rows: the wall time, step or value of the current row. `value` is
    // null for a container, which `container` names; JSON text is made only for messages.
    bool cell(const Json* value, const std::string& container) {
        const auto found = [&] { return value != nullptr ? describeJson(*value) : container; };
        if (depth_ == 0) {
            fail("", "found " + found() + "; expected " + expectedRows());
        }
        if (depth_ == 1) {
            fail(rowPath(), "found " + found() + "; expected " + std::string(kJsonRow));
        }
        const auto path = [&] { return rowPath() + "[" + std::to_string(cellIndex_) + "]"; };
        if (cellIndex_ >= 3) {
            fail(rowPath(),
                 "found an array of more than 3 values; expected " + std::string(kJsonRow));
        }
        const auto number = [&](const char* what, bool nonFinite) {
            if (value != nullptr && value->is_number()) {
                const double x = value->get<double>();
                if (nonFinite || std::isfinite(x)) {
                    return x;
                }
            } else if (value != nullptr) {
                if (const auto special = nonFiniteSpelling(*value); special && nonFinite) {
                    return *special;
                }
            }
            fail(path(), "found " + found() + "; expected " + what);
        };
        if (cellIndex_ == 0) {
            number("the wall time in seconds (a finite number)", false);
        } else if (cellIndex_ == 1) {
            step_ = number("the step (a number)", true);
            if (const std::string problem = stepProblem(lastStep(series_), step_);
                !problem.empty()) {
                fail(path(), problem);
            }
        } else {
            value_ = number("the value (a number, or \"NaN\", \"Infinity\", \"-Infinity\")", true);
        }
        ++cellIndex_;
        return true;
    }

    std::string_view text_;
    const std::string& source_;
    ImportedSeries series_;
    int depth_ = 0;         // 1 inside the outer array, 2 inside a row
    size_t rows_ = 0;       // rows finished so far: the index of the current one
    size_t cellIndex_ = 0;  // cells read in the current row
    double step_ = 0.0;
    double value_ = 0.0;
};

}  // namespace

ImportedSeries tensorBoardJsonFromText(std::string_view text, const std::string& source) {
    TensorBoardJsonReader reader(text, source);
    Json::sax_parse(text, &reader);
    return reader.take();
}

}  // namespace lrscope::core
