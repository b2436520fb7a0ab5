#include "core/data/csv_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/data/csv_records.hpp"

namespace lrscope::core {

namespace {

std::string fieldCount(size_t n) {
    return std::to_string(n) + (n == 1 ? " field" : " fields");
}

std::string columnName(const CsvTable& table, size_t column) {
    const std::string& name = table.header[column];
    return name.empty() ? "column " + std::to_string(column + 1) : name;
}

// A column's name for messages: quoted, escaped, cut at 60 characters.
std::string quotedColumn(const CsvTable& table, size_t column) {
    return quotedForMessage(columnName(table, column), 60);
}

// The line a row starts on; tables built by hand may lack row_lines.
int lineOf(const CsvTable& table, size_t row) {
    return row < table.rowLines.size() ? table.rowLines[row] : static_cast<int>(row) + 2;
}

std::string cellPlace(const CsvTable& table, const std::string& source, size_t row, size_t column) {
    return source + ":" + std::to_string(lineOf(table, row)) + ":" + std::to_string(column + 1) +
           ": ";
}

}  // namespace

double numericCell(const CsvTable& table, size_t row, size_t column, const std::string& source,
                   const std::string& role, const std::string& hint) {
    const std::string& cell = table.rows[row][column];
    const std::string where = cellPlace(table, source, row, column);
    const std::string what = " (" + role + quotedColumn(table, column) + ")";
    if (cell.empty()) {
        throw InputError(where + "empty value; expected a number" + what + hint);
    }
    const auto value = parseDouble(cell);
    if (!value) {
        throw InputError(where + quotedForMessage(cell) + " is not a number" + what + hint);
    }
    if (!std::isfinite(*value)) {
        throw InputError(where + quotedForMessage(cell) + " is not a finite number" + what);
    }
    return *value;
}

size_t findTargetColumn(const CsvTable& table, const std::string& target,
                        const std::string& source) {
    const size_t columns = table.header.size();
    if (target.empty()) {
        return columns - 1;
    }
    std::vector<size_t> matches;
    for (size_t c = 0; c < columns; ++c) {
        if (table.header[c] == target) {
            matches.push_back(c);
        }
    }
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.size() > 1) {
        throw InputError(source + ": target column " + quotedForMessage(target, 60) +
                         " is ambiguous: columns " + std::to_string(matches[0] + 1) + " and " +
                         std::to_string(matches[1] + 1) +
                         " have that name; give the target as a 0-based index instead");
    }
    if (const auto index = parseLong(target)) {
        if (*index < 0 || static_cast<unsigned long>(*index) >= columns) {
            throw InputError(source + ": target column index " + target +
                             " is out of range; the file has " + std::to_string(columns) +
                             " columns, so the index must be 0.." + std::to_string(columns - 1));
        }
        return static_cast<size_t>(*index);
    }
    std::string names;
    for (size_t c = 0; c < columns; ++c) {
        names += (c == 0 ? "" : ", ") + escapedForMessage(columnName(table, c), 60);
    }
    throw InputError(source + ": target column " + quotedForMessage(target, 60) +
                     " not found; columns are: " + names);
}

namespace {

// Which column is the target and how many rows are used; checks the table's layout.
struct TableLayout {
    size_t target = 0;
    size_t rows = 0;
};

TableLayout tableLayout(const CsvTable& table, const CsvDataOptions& options,
                        const std::string& source) {
    if (table.header.empty() || table.rows.empty()) {
        throw InputError(source +
                         ": no data rows; expected a header row and at least one data row");
    }
    const size_t columns = table.header.size();
    TableLayout layout;
    layout.target = findTargetColumn(table, options.target, source);
    if (columns < 2) {
        throw InputError(source + ": the file has only the target column " +
                         quotedColumn(table, layout.target) +
                         "; expected at least one feature column besides it");
    }

    layout.rows = table.rows.size();
    if (options.maxRows) {
        if (*options.maxRows < 1) {
            throw InputError(source + ": the row limit must be at least 1, got " +
                             std::to_string(*options.maxRows));
        }
        layout.rows = std::min(layout.rows, static_cast<size_t>(*options.maxRows));
    }
    for (size_t r = 0; r < layout.rows; ++r) {
        if (table.rows[r].size() != columns) {
            throw InputError(source + ":" + std::to_string(lineOf(table, r)) + ": line " +
                             std::to_string(lineOf(table, r)) + " has " +
                             fieldCount(table.rows[r].size()) + ", the header has " +
                             std::to_string(columns));
        }
    }
    return layout;
}

void checkLabel(const CsvTable& table, const TableLayout& layout, size_t row,
                const std::string& source) {
    if (table.rows[row][layout.target].empty()) {
        throw InputError(cellPlace(table, source, row, layout.target) +
                         "empty value; expected a class label (column " +
                         quotedColumn(table, layout.target) + ")");
    }
}

// Class labels: numeric when every label is a finite number (sorted by value, 2 < 10),
// otherwise text sorted bytewise. Label i is names[i].
struct ClassLabels {
    std::vector<std::string> names;
    std::vector<int> labels;  // per row
};

ClassLabels classLabels(const CsvTable& table, const TableLayout& layout,
                        const std::string& source) {
    const size_t rows = layout.rows;
    const size_t target = layout.target;
    for (size_t r = 0; r < rows; ++r) {
        checkLabel(table, layout, r, source);
    }
    bool allNumeric = true;
    for (size_t r = 0; r < rows && allNumeric; ++r) {
        const auto value = parseDouble(table.rows[r][target]);
        allNumeric = value && std::isfinite(*value);
    }
    ClassLabels classes;
    classes.labels.resize(rows);
    if (allNumeric) {
        std::map<double, std::string> spelling;  // value -> its first spelling
        std::vector<double> values(rows);
        for (size_t r = 0; r < rows; ++r) {
            values[r] = *parseDouble(table.rows[r][target]);
            spelling.emplace(values[r], table.rows[r][target]);
        }
        std::map<double, int> labelOf;
        for (const auto& [value, name] : spelling) {
            labelOf.emplace(value, static_cast<int>(classes.names.size()));
            classes.names.push_back(name);
        }
        for (size_t r = 0; r < rows; ++r) {
            classes.labels[r] = labelOf.at(values[r]);
        }
    } else {
        std::map<std::string, int> labelOf;
        for (size_t r = 0; r < rows; ++r) {
            labelOf.emplace(table.rows[r][target], 0);
        }
        for (auto& [name, label] : labelOf) {
            label = static_cast<int>(classes.names.size());
            classes.names.push_back(name);
        }
        for (size_t r = 0; r < rows; ++r) {
            classes.labels[r] = labelOf.at(table.rows[r][target]);
        }
    }
    if (classes.names.size() < 2) {
        const std::string scope = rows < table.rows.size()
                                      ? " in the first " + std::to_string(rows) + " rows"
                                      : std::string();
        throw InputError(source + ": the target column " + quotedColumn(table, target) +
                         " has only one class (" + quotedForMessage(classes.names.front()) + ")" +
                         scope + "; classification needs at least two");
    }
    return classes;
}

}  // namespace

CsvTable parseCsv(std::string_view text, const std::string& source) {
    CsvRecordReader parser(text, source);
    CsvTable table;
    int line = 0;
    if (!parser.next(table.header, line)) {
        throw InputError(source +
                         ": the file is empty; expected a header row and at least one data row");
    }
    std::vector<std::string> fields;
    while (parser.next(fields, line)) {
        if (fields.size() != table.header.size()) {
            throw InputError(source + ":" + std::to_string(line) + ": line " +
                             std::to_string(line) + " has " + fieldCount(fields.size()) +
                             ", the header has " + std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(fields));
        table.rowLines.push_back(line);
    }
    if (table.rows.empty()) {
        throw InputError(source +
                         ": the file has a header row but no data rows; expected at least one "
                         "data row");
    }

    // A trailing comma on every line (some spreadsheet exports) makes an empty last column.
    const bool emptyLastColumn =
        table.header.size() > 1 && table.header.back().empty() &&
        std::all_of(table.rows.begin(), table.rows.end(),
                    [](const std::vector<std::string>& row) { return row.back().empty(); });
    if (emptyLastColumn) {
        table.header.pop_back();
        for (auto& row : table.rows) {
            row.pop_back();
        }
    }
    return table;
}

Dataset tableToDataset(const CsvTable& table, const CsvDataOptions& options,
                       const std::string& source) {
    const TableLayout layout = tableLayout(table, options, source);
    const size_t columns = table.header.size();
    const size_t target = layout.target;
    const size_t rows = layout.rows;

    Dataset data;
    data.task = options.task;
    data.targetName = columnName(table, target);
    for (size_t c = 0; c < columns; ++c) {
        if (c != target) {
            data.featureNames.push_back(columnName(table, c));
        }
    }

    const auto n = static_cast<Eigen::Index>(rows);
    data.features.resize(static_cast<Eigen::Index>(columns - 1), n);
    std::vector<double> numericTargets;
    if (options.task == Task::Regress) {
        numericTargets.reserve(rows);
    }
    // Row by row, so the first bad cell reported is the first one in the file.
    for (size_t r = 0; r < rows; ++r) {
        Eigen::Index feature = 0;
        for (size_t c = 0; c < columns; ++c) {
            if (c == target) {
                if (options.task == Task::Regress) {
                    numericTargets.push_back(numericCell(table, r, c, source, "target column ",
                                                         "; regression needs numbers"));
                } else {
                    checkLabel(table, layout, r, source);
                }
                continue;
            }
            data.features(feature, static_cast<Eigen::Index>(r)) =
                numericCell(table, r, c, source, "column ");
            ++feature;
        }
    }

    if (options.task == Task::Regress) {
        data.targets.resize(1, n);
        for (Eigen::Index i = 0; i < n; ++i) {
            data.targets(0, i) = numericTargets[static_cast<size_t>(i)];
        }
        return data;
    }
    ClassLabels classes = classLabels(table, layout, source);
    data.classNames = std::move(classes.names);
    data.labels = std::move(classes.labels);
    return data;
}

DataShape tableShape(const CsvTable& table, const CsvDataOptions& options,
                     const std::string& source) {
    const TableLayout layout = tableLayout(table, options, source);
    DataShape shape;
    shape.inputs = static_cast<int>(table.header.size() - 1);
    shape.rows = static_cast<long>(layout.rows);
    shape.task = options.task;
    shape.outputs = options.task == Task::Regress
                        ? 1
                        : static_cast<int>(classLabels(table, layout, source).names.size());
    return shape;
}

Dataset loadCsvDataset(const std::string& path, const CsvDataOptions& options) {
    const std::string text = readFile(path);
    const CsvTable table = parseCsv(text, path);
    return tableToDataset(table, options, path);
}

}  // namespace lrscope::core
