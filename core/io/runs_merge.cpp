#include "core/io/runs_merge.hpp"

#include <map>
#include <sstream>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/session_file.hpp"

namespace lrscope::core {

namespace {

// A session is a JSON object; a runs CSV starts with its header row.
bool looksLikeJson(const std::string& text) {
    size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
        ++i;
    }
    return i < text.size() && text[i] == '{';
}

std::string rowsOf(const NamedHistory& run) {
    std::string rows;
    for (const EpochRecord& record : run.history) {
        rows += longCsvRow(run, record) + "\n";
    }
    return rows;
}

// Where each run number was first seen; throws when a second source holds it too.
class RunOwners {
public:
    void claim(int number, size_t source, const std::vector<RunsSource>& sources,
               const NamedHistory& run) {
        const auto [it, inserted] = owners_.emplace(number, Owner{source, &run});
        if (inserted) {
            return;
        }
        const std::string& first = sources[it->second.source].path;
        const std::string& second = sources[source].path;
        const bool same = rowsOf(*it->second.run) == rowsOf(run);
        throw InputError(first + " and " + second + " both hold run " + std::to_string(number) +
                         (same ? " with the same rows (was one input given twice?)"
                               : " with different rows (overlapping shards)") +
                         "; expected each run in one input");
    }

    std::vector<int> missing() const {
        std::vector<int> numbers;
        const int highest = owners_.empty() ? 0 : owners_.rbegin()->first;
        for (int n = 1; n < highest; ++n) {
            if (owners_.count(n) == 0) {
                numbers.push_back(n);
            }
        }
        return numbers;
    }

private:
    struct Owner {
        size_t source;
        const NamedHistory* run;
    };
    std::map<int, Owner> owners_;
};

}  // namespace

RunsSource readRunsSource(const std::string& path) {
    const std::string text = readFile(path);
    RunsSource source;
    source.path = path;
    if (looksLikeJson(text)) {
        source.session = sessionFromJsonText(text, path);
        for (const SessionRun& run : source.session->runs) {
            source.runs.push_back(namedHistoryOf(run));
        }
    } else {
        std::istringstream in(text);
        source.runs = readLongCsv(in, path);
    }
    return source;
}

NamedHistory namedHistoryOf(const SessionRun& run) {
    NamedHistory named;
    named.run = run.number;
    named.name = run.name;
    named.optimizer = std::string(optimizerName(run.config.optimizer.kind));
    named.baseLr = run.config.optimizer.lr;
    named.history = run.history;
    named.status = run.status;
    named.divergedAt = run.divergedAt;
    return named;
}

MergedRuns mergeRuns(const std::vector<RunsSource>& sources) {
    RunOwners owners;
    std::map<int, const NamedHistory*> byNumber;
    for (size_t s = 0; s < sources.size(); ++s) {
        for (const NamedHistory& run : sources[s].runs) {
            owners.claim(run.run, s, sources, run);
            byNumber.emplace(run.run, &run);
        }
    }
    MergedRuns merged;
    for (const auto& [number, run] : byNumber) {
        merged.runs.push_back(*run);
    }
    merged.missingRuns = owners.missing();
    return merged;
}

Session mergeSessions(const std::vector<RunsSource>& sources) {
    RunOwners owners;
    std::map<int, std::pair<size_t, size_t>> byNumber;  // source, run index
    for (size_t s = 0; s < sources.size(); ++s) {
        if (!sources[s].session) {
            throw InputError(sources[s].path +
                             ": a runs CSV holds no run settings; expected a session file "
                             "(.lrscope) to merge into a session");
        }
        for (size_t r = 0; r < sources[s].runs.size(); ++r) {
            owners.claim(sources[s].runs[r].run, s, sources, sources[s].runs[r]);
            byNumber.emplace(sources[s].runs[r].run, std::make_pair(s, r));
        }
    }
    Session merged;
    const size_t lead = byNumber.empty() ? 0 : byNumber.begin()->second.first;
    if (!sources.empty()) {
        merged.panel = sources[lead].session->panel;
        merged.views = sources[lead].session->views;
    }
    for (const auto& [number, where] : byNumber) {
        merged.runs.push_back(sources[where.first].session->runs[where.second]);
    }
    for (const RunsSource& source : sources) {
        const auto& imported = source.session->importedRuns;
        merged.importedRuns.insert(merged.importedRuns.end(), imported.begin(), imported.end());
    }
    return merged;
}

}  // namespace lrscope::core
