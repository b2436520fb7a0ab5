#include "core/io/session_file.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/json_messages.hpp"
#include "core/io/run_config_json.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormatName = "lrscope-session";
constexpr int kFormatVersion = 1;

// ---- writing ----

// The text of formatNumber (std::to_chars' shortest round trip) without a string per
// number: a large session holds millions. "-0" would read back as the integer 0, so
// negative zero is written "-0.0", which keeps the sign bit.
void appendNumber(std::string& out, double x) {
    std::array<char, 32> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x).ptr;
    out.append(buffer.data(), end);
    if (end - buffer.data() == 2 && buffer[0] == '-' && buffer[1] == '0') {
        out += ".0";
    }
}

void appendWhole(std::string& out, long x) {
    std::array<char, 24> buffer{};
    out.append(buffer.data(), std::to_chars(buffer.data(), buffer.data() + buffer.size(), x).ptr);
}

void appendNumber(std::string& out, const std::optional<double>& x) {
    if (x) {
        appendNumber(out, *x);
    } else {
        out += "null";
    }
}

void appendString(std::string& out, const std::string& text) {
    // Invalid UTF-8 (never from the window, which holds Unicode text) becomes U+FFFD rather
    // than failing the save.
    out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void appendJson(std::string& out, const Json& value) {
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void appendRecord(std::string& out, const EpochRecord& r) {
    out += "{\"epoch\": ";
    appendWhole(out, r.epoch);
    out += ", \"train_loss\": ";
    appendNumber(out, r.trainLoss);
    out += ", \"train_error\": ";
    appendNumber(out, r.trainError);
    out += ", \"test_loss\": ";
    appendNumber(out, r.testLoss);
    out += ", \"test_error\": ";
    appendNumber(out, r.testError);
    out += ", \"lr\": ";
    appendNumber(out, r.lr);
    out += ", \"grad_norm\": ";
    appendNumber(out, r.gradNorm);
    out += ", \"update_ratio\": ";
    appendNumber(out, r.updateRatio);
    out += ", \"step_size\": ";
    appendNumber(out, r.stepSize);
    out += ", \"lr_changed_to\": ";
    appendNumber(out, r.lrChangedTo);
    out += '}';
}

void appendWeights(std::string& out, const NetworkWeights& weights) {
    out += '[';
    for (size_t l = 0; l < weights.layers.size(); ++l) {
        const LayerWeights& layer = weights.layers[l];
        out += l == 0 ? "{\"weight\": [" : ", {\"weight\": [";
        for (Eigen::Index r = 0; r < layer.weight.rows(); ++r) {
            out += r == 0 ? "[" : ", [";
            for (Eigen::Index c = 0; c < layer.weight.cols(); ++c) {
                out += c == 0 ? "" : ", ";
                appendNumber(out, layer.weight(r, c));
            }
            out += ']';
        }
        out += "], \"bias\": [";
        for (Eigen::Index i = 0; i < layer.bias.size(); ++i) {
            out += i == 0 ? "" : ", ";
            appendNumber(out, layer.bias(i));
        }
        out += "]}";
    }
    out += ']';
}

void appendRun(std::string& out, const SessionRun& run) {
    out += "    {\"run\": " + std::to_string(run.number) + ", \"name\": ";
    appendString(out, run.name);
    out += ", \"colour\": ";
    appendString(out, run.colour);
    out += std::string(", \"visible\": ") + (run.visible ? "true" : "false") + ", \"status\": \"" +
           std::string(finishedStatusName(run.status)) + "\", \"diverged_at\": " +
           (run.divergedAt ? std::to_string(*run.divergedAt) : std::string("null"));
    if (!run.importedFrom.empty()) {
        out += ", \"imported_from\": ";
        appendString(out, run.importedFrom);
    }
    if (run.sweep != 0) {
        out += ", \"sweep\": " + std::to_string(run.sweep);
    }
    out += ",\n     \"config\": ";
    appendJson(out, runConfigToJson(run.config));
    out += ",\n     \"lr_changes\": [";
    for (size_t i = 0; i < run.lrChanges.size(); ++i) {
        out += (i == 0 ? "{\"epoch\": " : ", {\"epoch\": ") +
               std::to_string(run.lrChanges[i].epoch) + ", \"lr\": ";
        appendNumber(out, run.lrChanges[i].lr);
        out += '}';
    }
    out += "],\n     \"final_weights\": ";
    if (run.finalWeights) {
        appendWeights(out, *run.finalWeights);
    } else {
        out += "null";
    }
    out += ",\n     \"history\": [";
    for (size_t e = 0; e < run.history.size(); ++e) {
        out += e == 0 ? "\n      " : ",\n      ";
        appendRecord(out, run.history[e]);
    }
    out += run.history.empty() ? "]}" : "\n     ]}";
}

void appendImported(std::string& out, const ImportedRun& run) {
    out += "    {\"name\": ";
    appendString(out, run.name);
    out += ", \"source\": ";
    appendString(out, run.source);
    out += ", \"points\": [";
    for (size_t i = 0; i < run.points.size(); ++i) {
        out += i == 0 ? "[" : ", [";
        appendNumber(out, run.points[i][0]);
        out += ", ";
        appendNumber(out, run.points[i][1]);
        out += ']';
    }
    out += "]}";
}

// ---- reading ----

// Typed access to the JSON tree; every failure names the source and the JSON path.
class Reader {
public:
    explicit Reader(const std::string& source) : source_(source) {}

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw InputError(source_ + ": " + (path.empty() ? "" : path + ": ") + message);
    }

    [[noreturn]] void expected(const std::string& path, const std::string& what,
                               const Json& found) const {
        fail(path, "expected " + what + ", found " + describe(found));
    }

    static std::string describe(const Json& value) {
        if (value.is_number_float() && !std::isfinite(value.get<double>())) {
            return formatNumber(value.get<double>());
        }
        return describeJson(value);
    }

    const Json& member(const Json& object, const char* key, const std::string& path,
                       const std::string& what) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(join(path, key), "missing; expected " + what);
        }
        return *it;
    }

    static std::string join(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }

    static std::string item(const std::string& path, size_t index) {
        return path + "[" + std::to_string(index) + "]";
    }

    const Json& object(const Json& value, const std::string& path, const std::string& what) const {
        if (!value.is_object()) {
            expected(path, what, value);
        }
        return value;
    }

    const Json& array(const Json& value, const std::string& path, const std::string& what) const {
        if (!value.is_array()) {
            expected(path, what, value);
        }
        return value;
    }

    double number(const Json& value, const std::string& path) const {
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
            expected(path, "a finite number", value);
        }
        return value.get<double>();
    }

    int whole(const Json& value, const std::string& path, int low, int high) const {
        const bool valid = value.is_number() &&
                           value.get<double>() == std::floor(value.get<double>()) &&
                           value.get<double>() >= low && value.get<double>() <= high;
        if (!valid) {
            expected(path,
                     "a whole number from " + std::to_string(low) + " to " + std::to_string(high),
                     value);
        }
        return static_cast<int>(value.get<double>());
    }

    std::string text(const Json& value, const std::string& path) const {
        if (!value.is_string()) {
            expected(path, "a string", value);
        }
        return value.get<std::string>();
    }

    bool boolean(const Json& value, const std::string& path) const {
        if (!value.is_boolean()) {
            expected(path, "true or false", value);
        }
        return value.get<bool>();
    }

    // A RunConfig JSON; its own messages get the path in front.
    RunConfig config(const Json& value, const std::string& path) const {
        object(value, path, "an object with a run's settings");
        try {
            return runConfigFromJson(value);
        } catch (const InputError& error) {
            fail("", path + "." + error.what());
        }
    }

    // One epoch's object. Paths are built only for a value that fails: a large session holds
    // millions of values.
    EpochRecord record(const Json& value, const std::string& path) const {
        object(value, path, "an object with one epoch's values");
        auto field = [&](const char* key, bool required) -> std::optional<double> {
            const auto it = value.find(key);
            const bool valid =
                it != value.end() && ((it->is_number() && std::isfinite(it->get<double>())) ||
                                      (!required && it->is_null()));
            if (!valid) {
                const std::string what = required ? "a finite number" : "a finite number or null";
                if (it == value.end()) {
                    fail(join(path, key), "missing; expected " + what);
                }
                expected(join(path, key), what, *it);
            }
            return it->is_null() ? std::nullopt : std::optional<double>(it->get<double>());
        };
        EpochRecord r;
        const Json& epoch = member(value, "epoch", path, "the epoch number");
        if (!epoch.is_number_unsigned() || epoch.get<std::uint64_t>() > kMaxEpochs) {
            r.epoch = whole(epoch, join(path, "epoch"), 0, kMaxEpochs);  // or fails, naming it
        } else {
            r.epoch = static_cast<int>(epoch.get<std::uint64_t>());
        }
        r.trainLoss = *field("train_loss", true);
        r.trainError = field("train_error", false);
        r.testLoss = field("test_loss", false);
        r.testError = field("test_error", false);
        r.lr = *field("lr", true);
        r.gradNorm = field("grad_norm", false);
        r.updateRatio = field("update_ratio", false);
        r.stepSize = field("step_size", false);
        r.lrChangedTo = field("lr_changed_to", false);
        return r;
    }

    // A row of numbers; `count` 0 takes any non-zero length.
    std::vector<double> numbers(const Json& value, const std::string& path, size_t count) const {
        const std::string what = count == 0 ? "a non-empty array of numbers"
                                            : "an array of " + std::to_string(count) + " numbers";
        if (!value.is_array() || value.empty() || (count != 0 && value.size() != count)) {
            if (value.is_array()) {
                fail(path, "expected " + what + ", found " + std::to_string(value.size()));
            }
            expected(path, what, value);
        }
        std::vector<double> out;
        out.reserve(value.size());
        for (size_t i = 0; i < value.size(); ++i) {
            out.push_back(number(value[i], item(path, i)));
        }
        return out;
    }

    NetworkWeights weights(const Json& value, const std::string& path) const {
        const std::string what =
            "an array of layers {\"weight\": [[...]], \"bias\": [...]} or null";
        if (!value.is_array() || value.empty()) {
            expected(path, what, value);
        }
        NetworkWeights w;
        for (size_t l = 0; l < value.size(); ++l) {
            const std::string at = item(path, l);
            const Json& layer = object(value[l], at, "an object with \"weight\" and \"bias\"");
            const Json& rows = array(member(layer, "weight", at, "weight rows [out][in]"),
                                     join(at, "weight"), "a non-empty array of rows ([out][in])");
            if (rows.empty()) {
                expected(join(at, "weight"), "a non-empty array of rows ([out][in])", rows);
            }
            LayerWeights lw;
            for (size_t r = 0; r < rows.size(); ++r) {
                const size_t columns = r == 0 ? 0 : static_cast<size_t>(lw.weight.cols());
                const auto row = numbers(rows[r], item(join(at, "weight"), r), columns);
                if (r == 0) {
                    lw.weight.resize(static_cast<Eigen::Index>(rows.size()),
                                     static_cast<Eigen::Index>(row.size()));
                }
                for (size_t c = 0; c < row.size(); ++c) {
                    lw.weight(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = row[c];
                }
            }
            const auto bias =
                numbers(member(layer, "bias", at, "bias [out]"), join(at, "bias"), rows.size());
            lw.bias = Eigen::Map<const Vector>(bias.data(), static_cast<Eigen::Index>(bias.size()));
            w.layers.push_back(std::move(lw));
        }
        return w;
    }

    SessionRun run(const Json& value, const std::string& path) const {
        object(value, path, "an object with one run");
        auto field = [&](const char* key, const char* what) -> const Json& {
            return member(value, key, path, what);
        };
        SessionRun r;
        r.number = whole(field("run", "the run's number"), join(path, "run"), 1, INT_MAX);
        r.name = text(field("name", "a string"), join(path, "name"));
        r.colour = text(field("colour", "a colour \"#rrggbb\""), join(path, "colour"));
        r.visible = boolean(field("visible", "true or false"), join(path, "visible"));
        const std::string statusWhat = "one of " + std::string(finishedStatusChoices());
        const Json& status = field("status", statusWhat.c_str());
        const auto parsed =
            status.is_string() ? parseFinishedStatus(status.get<std::string>()) : std::nullopt;
        if (!parsed) {
            expected(join(path, "status"), statusWhat, status);
        }
        r.status = *parsed;
        if (const Json& at = field("diverged_at", "an epoch or null"); !at.is_null()) {
            r.divergedAt = whole(at, join(path, "diverged_at"), 0, kMaxEpochs);
        }
        r.config =
            config(field("config", "an object with the run's settings"), join(path, "config"));

        const std::string changesPath = join(path, "lr_changes");
        const Json& changes = array(field("lr_changes", "an array of {\"epoch\", \"lr\"}"),
                                    changesPath, "an array of {\"epoch\", \"lr\"}");
        for (size_t i = 0; i < changes.size(); ++i) {
            const std::string at = item(changesPath, i);
            object(changes[i], at, "an object {\"epoch\", \"lr\"}");
            LrChange change;
            change.epoch = whole(member(changes[i], "epoch", at, "an epoch"), join(at, "epoch"), 0,
                                 kMaxEpochs);
            change.lr = number(member(changes[i], "lr", at, "a rate"), join(at, "lr"));
            r.lrChanges.push_back(change);
        }

        if (const auto it = value.find("final_weights"); it != value.end() && !it->is_null()) {
            r.finalWeights = weights(*it, join(path, "final_weights"));
        }
        if (const auto it = value.find("imported_from"); it != value.end() && !it->is_null()) {
            r.importedFrom = text(*it, join(path, "imported_from"));
        }
        if (const auto it = value.find("sweep"); it != value.end() && !it->is_null()) {
            r.sweep = whole(*it, join(path, "sweep"), 1, INT_MAX);
        }

        const std::string historyPath = join(path, "history");
        const Json& history =
            array(field("history", "an array of epochs"), historyPath, "an array of epochs");
        r.history.reserve(history.size());
        for (size_t e = 0; e < history.size(); ++e) {
            EpochRecord record = this->record(history[e], item(historyPath, e));
            record.runId = static_cast<RunId>(r.number);
            r.history.push_back(record);
        }
        return r;
    }

    ImportedRun imported(const Json& value, const std::string& path) const {
        object(value, path, "an object {\"name\", \"source\", \"points\"}");
        ImportedRun r;
        r.name = text(member(value, "name", path, "a string"), join(path, "name"));
        r.source = text(member(value, "source", path, "a string"), join(path, "source"));
        const std::string pointsPath = join(path, "points");
        const Json& points = array(member(value, "points", path, "an array of [x, y]"), pointsPath,
                                   "an array of [x, y]");
        r.points.reserve(points.size());
        for (size_t i = 0; i < points.size(); ++i) {
            const auto xy = numbers(points[i], item(pointsPath, i), 2);
            r.points.push_back({xy[0], xy[1]});
        }
        return r;
    }

    Session session(const Json& root) const {
        object(root, "", "an lrscope session (a JSON object with \"format\": \"lrscope-session\")");
        const Json& format = member(root, "format", "", "\"lrscope-session\"");
        if (!format.is_string() || format.get<std::string>() != kFormatName) {
            expected("format", "\"" + std::string(kFormatName) + "\"", format);
        }
        const Json& version = member(root, "version", "", std::to_string(kFormatVersion));
        if (version != kFormatVersion) {
            fail("version", "expected " + std::to_string(kFormatVersion) + ", found " +
                                describe(version) + " (this lrscope reads version " +
                                std::to_string(kFormatVersion) + ")");
        }
        Session s;
        s.panel = config(member(root, "panel", "", "the panel's settings"), "panel");

        const Json& views = object(member(root, "views", "", "an object of view states"), "views",
                                   "an object of view states");
        for (const auto& [name, state] : views.items()) {
            s.views.emplace(name, state);
        }
        const Json& runs =
            array(member(root, "runs", "", "an array of runs"), "runs", "an array of runs");
        s.runs.reserve(runs.size());
        for (size_t i = 0; i < runs.size(); ++i) {
            s.runs.push_back(run(runs[i], item("runs", i)));
        }
        const Json& imported = array(member(root, "imported_runs", "", "an array of curves"),
                                     "imported_runs", "an array of curves");
        for (size_t i = 0; i < imported.size(); ++i) {
            s.importedRuns.push_back(this->imported(imported[i], item("imported_runs", i)));
        }
        if (const auto problem = sessionProblem(s)) {
            fail("", *problem);
        }
        return s;
    }

private:
    const std::string& source_;
};

// nlohmann reports a number too large for a double ("number overflow parsing '1e999'")
// without its place; the first such token in the text is where it is.
std::string overflowText(std::string_view text, const std::string& what) {
    const std::string message = jsonParseErrorText(what);
    const auto open = what.find('\'');
    const auto close = what.rfind('\'');
    if (open == std::string::npos || close <= open) {
        return message;
    }
    const std::string_view token = std::string_view(what).substr(open + 1, close - open - 1);
    for (size_t at = text.find(token); at != std::string_view::npos;
         at = text.find(token, at + 1)) {
        const bool starts =
            at == 0 || std::string_view(" \t\r\n:,[").find(text[at - 1]) != std::string_view::npos;
        if (starts) {
            const size_t lineStart = text.rfind('\n', at);
            const size_t line = 1 + static_cast<size_t>(std::count(
                                        text.begin(), text.begin() + static_cast<long>(at), '\n'));
            const size_t column =
                at - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
            return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                   message;
        }
    }
    return message;
}

// nlohmann's parser recurses once per nesting level, so a file nesting arrays a few hundred
// thousand deep would overflow the stack; such a file is refused before parsing.
constexpr int kMaxNesting = 256;

void checkNesting(std::string_view text, const std::string& source) {
    int depth = 0;
    bool inString = false;
    size_t line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting) {
                throw InputError(source + ": line " + std::to_string(line) + ", column " +
                                 std::to_string(i - lineStart + 1) + ": nested more than " +
                                 std::to_string(kMaxNesting) +
                                 " levels deep; expected a session file");
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
}

}  // namespace

std::string sessionToJsonText(const Session& session) {
    if (const auto problem = sessionProblem(session)) {
        throw InputError("cannot save the session: " + *problem);
    }
    size_t records = 0;
    for (const SessionRun& run : session.runs) {
        records += run.history.size();
    }
    std::string out;
    out.reserve(records * 300 + 4096);  // a record takes about 250 bytes
    out += "{\"format\": \"" + std::string(kFormatName) +
           "\", \"version\": " + std::to_string(kFormatVersion) + ",\n \"panel\": ";
    appendJson(out, runConfigToJson(session.panel));
    out += ",\n \"views\": {";
    bool first = true;
    for (const auto& [name, state] : session.views) {
        out += first ? "" : ", ";
        first = false;
        appendString(out, name);
        out += ": ";
        appendJson(out, state);
    }
    out += "},\n \"runs\": [";
    for (size_t i = 0; i < session.runs.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        appendRun(out, session.runs[i]);
    }
    out += session.runs.empty() ? "],\n" : "\n ],\n";
    out += " \"imported_runs\": [";
    for (size_t i = 0; i < session.importedRuns.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        appendImported(out, session.importedRuns[i]);
    }
    out += session.importedRuns.empty() ? "]\n}\n" : "\n ]\n}\n";
    return out;
}

void writeSessionFile(const std::string& path, const Session& session) {
    writeFileAtomically(path, sessionToJsonText(session));
}

Session sessionFromJsonText(std::string_view text, const std::string& source) {
    checkNesting(text, source);
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::out_of_range& e) {
        throw InputError(source + ": " + overflowText(text, e.what()));
    } catch (const Json::exception& e) {
        throw InputError(source + ": " + jsonParseErrorText(e.what()));
    }
    return Reader(source).session(root);
}

Session readSessionFile(const std::string& path) {
    return sessionFromJsonText(readFile(path), path);
}

}  // namespace lrscope::core
