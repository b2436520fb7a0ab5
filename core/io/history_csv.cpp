#include "core/io/history_csv.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/data/csv_reader.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::core {

namespace {

std::string optionalNumber(const std::optional<double>& value) {
    return value ? formatNumber(*value) : std::string();
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

// RFC 4180: a field holding a separator, a quote or a line break is quoted, quotes doubled.
// So is one that starts or ends with a blank, which the reader trims from unquoted fields.
std::string csvField(const std::string& text) {
    const bool blankAtAnEnd = !text.empty() && (isBlank(text.front()) || isBlank(text.back()));
    if (!blankAtAnEnd && text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out.push_back(c);
        }
    }
    out += '"';
    return out;
}

std::vector<std::string> splitHeader(const std::string& header) {
    std::vector<std::string> names;
    std::istringstream in(header);
    for (std::string name; std::getline(in, name, ',');) {
        names.push_back(name);
    }
    return names;
}

// Reads the cells of a runs CSV by column name, naming file, line, column and column name in
// its messages.
class LongCsvReader {
public:
    LongCsvReader(const CsvTable& table, const std::string& source)
        : table_(table), source_(source) {
        for (const std::string& column : splitHeader(requiredColumns())) {
            if (!find(column)) {
                throw InputError(source + ":1: missing column '" + column +
                                 "'; expected the runs CSV of lrscope (" + longCsvHeader() +
                                 "), as written by lrscope-cli sweep --out or Export runs in "
                                 "the window");
            }
        }
        const bool status = find("status");
        const bool divergedAt = find("diverged_at");
        if (status != divergedAt) {
            throw InputError(source + ":1: missing column '" + (status ? "diverged_at" : "status") +
                             "'; expected both status and diverged_at, or neither (files "
                             "written before they existed)");
        }
        hasStatus_ = status;
    }

    bool hasStatus() const { return hasStatus_; }

    void setRow(size_t row) { row_ = row; }

    const std::string& text(const std::string& column) const {
        return table_.rows[row_][columns_.at(column)];
    }

    [[noreturn]] void fail(const std::string& column, const std::string& found,
                           const std::string& expected) const {
        throw InputError(source_ + ":" + std::to_string(table_.rowLines[row_]) + ":" +
                         std::to_string(columns_.at(column) + 1) + ": " + column + ": found " +
                         found + ", expected " + expected);
    }

    std::optional<double> optionalNumber(const std::string& column) const {
        const std::string& cell = text(column);
        if (cell.empty()) {
            return std::nullopt;
        }
        const auto value = parseDouble(cell);
        if (!value || !std::isfinite(*value)) {
            fail(column, quotedForMessage(cell), "a finite number or an empty cell");
        }
        return value;
    }

    double number(const std::string& column) const {
        const std::string& cell = text(column);
        const auto value = parseDouble(cell);
        if (!value || !std::isfinite(*value)) {
            fail(column, cell.empty() ? "an empty cell" : quotedForMessage(cell),
                 "a finite number");
        }
        return *value;
    }

    // A whole number in [low, high]; written as an integer or as a number with no fraction.
    long whole(const std::string& column, long low, long high) const {
        const std::string& cell = text(column);
        const auto value = parseDouble(cell);
        if (!value || *value != std::floor(*value) || *value < static_cast<double>(low) ||
            *value > static_cast<double>(high)) {
            fail(column, cell.empty() ? "an empty cell" : quotedForMessage(cell),
                 "a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        }
        return static_cast<long>(*value);
    }

    std::optional<FinishedStatus> status() const {
        const std::string& cell = text("status");
        if (cell.empty()) {
            return std::nullopt;
        }
        const auto status = parseFinishedStatus(cell);
        if (!status) {
            fail("status", quotedForMessage(cell),
                 std::string(finishedStatusChoices()) + " or an empty cell");
        }
        return status;
    }

    std::optional<int> divergedAt() const {
        if (text("diverged_at").empty()) {
            return std::nullopt;
        }
        return static_cast<int>(whole("diverged_at", 0, kMaxEpochs));
    }

private:
    static std::string requiredColumns() {
        return "run,name,optimizer,base_lr," + historyCsvHeader();
    }

    // Records where `column` is; false when the header lacks it.
    bool find(const std::string& column) {
        const auto it = std::find(table_.header.begin(), table_.header.end(), column);
        if (it == table_.header.end()) {
            return false;
        }
        columns_.emplace(column, static_cast<size_t>(it - table_.header.begin()));
        return true;
    }

    const CsvTable& table_;
    const std::string& source_;
    std::map<std::string, size_t> columns_;
    size_t row_ = 0;
    bool hasStatus_ = false;
};

std::string optionalWhole(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

// The status columns of a run's first row hold for all its rows.
void readStatus(const LongCsvReader& reader, bool firstRow, NamedHistory& run) {
    const auto status = reader.status();
    const auto divergedAt = reader.divergedAt();
    if (firstRow) {
        const bool diverged = status == FinishedStatus::Diverged;
        if (diverged && !divergedAt) {
            reader.fail("diverged_at", "an empty cell",
                        "the epoch in which run " + std::to_string(run.run) +
                            " diverged (its status is diverged)");
        }
        if (!diverged && divergedAt) {
            reader.fail("diverged_at", std::to_string(*divergedAt),
                        "an empty cell (the status of run " + std::to_string(run.run) +
                            " is not diverged)");
        }
        run.status = status;
        run.divergedAt = divergedAt;
        return;
    }
    if (status != run.status) {
        reader.fail("status",
                    status ? "'" + std::string(finishedStatusName(*status)) + "'" : "an empty cell",
                    (run.status ? "'" + std::string(finishedStatusName(*run.status)) + "'"
                                : std::string("an empty cell")) +
                        " as on the first row of run " + std::to_string(run.run) +
                        " (a run has one status)");
    }
    if (divergedAt != run.divergedAt) {
        reader.fail("diverged_at", divergedAt ? std::to_string(*divergedAt) : "an empty cell",
                    (run.divergedAt ? std::to_string(*run.divergedAt) : "an empty cell") +
                        " as on the first row of run " + std::to_string(run.run));
    }
}

std::vector<NamedHistory> parseLongCsv(std::string_view text, const std::string& source) {
    const CsvTable table = parseCsv(text, source);
    LongCsvReader reader(table, source);
    std::vector<NamedHistory> runs;
    std::map<long, size_t> indexOfRun;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        reader.setRow(r);
        const long id = reader.whole("run", 0, INT_MAX);
        const auto [it, inserted] = indexOfRun.emplace(id, runs.size());
        if (inserted) {
            NamedHistory run;
            run.run = static_cast<int>(id);
            run.name = reader.text("name");
            run.optimizer = reader.text("optimizer");
            run.baseLr = reader.number("base_lr");
            runs.push_back(std::move(run));
        }
        NamedHistory& run = runs[it->second];
        if (reader.hasStatus()) {
            readStatus(reader, inserted, run);
        }

        EpochRecord record;
        record.runId = static_cast<RunId>(id);
        record.epoch = static_cast<int>(reader.whole("epoch", 0, kMaxEpochs));
        if (!run.history.empty() && record.epoch <= run.history.back().epoch) {
            const int previous = run.history.back().epoch;
            reader.fail("epoch", std::to_string(record.epoch),
                        "an epoch after " + std::to_string(previous) + " (epochs of run " +
                            std::to_string(id) + " must increase from row to row)");
        }
        record.trainLoss = reader.number("train_loss");
        record.trainError = reader.optionalNumber("train_error");
        record.testLoss = reader.optionalNumber("test_loss");
        record.testError = reader.optionalNumber("test_error");
        record.lr = reader.number("lr");
        record.gradNorm = reader.optionalNumber("grad_norm");
        record.updateRatio = reader.optionalNumber("update_ratio");
        record.stepSize = reader.optionalNumber("step_size");
        record.lrChangedTo = reader.optionalNumber("lr_changed_to");
        run.history.push_back(record);
    }
    return runs;
}

}  // namespace

std::string historyCsvHeader() {
    return "epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,update_ratio,"
           "step_size,lr_changed_to";
}

std::string historyCsvRow(const EpochRecord& record) {
    return std::to_string(record.epoch) + "," + formatNumber(record.trainLoss) + "," +
           optionalNumber(record.trainError) + "," + optionalNumber(record.testLoss) + "," +
           optionalNumber(record.testError) + "," + formatNumber(record.lr) + "," +
           optionalNumber(record.gradNorm) + "," + optionalNumber(record.updateRatio) + "," +
           optionalNumber(record.stepSize) + "," + optionalNumber(record.lrChangedTo);
}

std::string longCsvHeader() {
    return "run,name,optimizer,base_lr," + historyCsvHeader() + ",status,diverged_at";
}

std::string longCsvRow(const NamedHistory& run, const EpochRecord& record) {
    const std::string status = run.status ? std::string(finishedStatusName(*run.status)) : "";
    return std::to_string(run.run) + "," + csvField(run.name) + "," + csvField(run.optimizer) +
           "," + formatNumber(run.baseLr) + "," + historyCsvRow(record) + "," + status + "," +
           optionalWhole(run.divergedAt);
}

std::string longCsvText(const std::vector<NamedHistory>& runs) {
    std::string text = longCsvHeader() + "\n";
    for (const NamedHistory& run : runs) {
        for (const EpochRecord& record : run.history) {
            text += longCsvRow(run, record);
            text += '\n';
        }
    }
    return text;
}

std::vector<NamedHistory> readLongCsv(std::istream& in, const std::string& source) {
    std::ostringstream text;
    if (in.rdbuf() != nullptr && in.peek() != std::istream::traits_type::eof()) {
        text << in.rdbuf();
    }
    if (in.bad()) {
        throw InputError(source + ": cannot read the runs CSV");
    }
    return parseLongCsv(text.str(), source);
}

std::vector<NamedHistory> readLongCsvFile(const std::string& path) {
    return parseLongCsv(readFile(path), path);
}

}  // namespace lrscope::core
