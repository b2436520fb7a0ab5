#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/io/history_csv.hpp"
#include "core/io/session.hpp"

namespace lrscope::core {

// Runs read from a runs CSV or a session file (told apart by content: a session is a JSON
// object), e.g. one shard of a sweep.
struct RunsSource {
    std::string path;
    std::vector<NamedHistory> runs;  // for a session: its runs as a runs CSV holds them
    std::optional<Session> session;  // set for a session file
};

// Throws InputError naming the file, as readLongCsvFile and readSessionFile do.
RunsSource readRunsSource(const std::string& path);

// A session's run as a runs CSV row set: its number, name, optimizer, base rate, history and
// status.
NamedHistory namedHistoryOf(const SessionRun& run);

// The runs of all sources in order of run number. The same run number in two sources is an
// error naming both files. `missingRuns` lists the numbers from 1 to the highest found that
// no source holds (a shard left out).
struct MergedRuns {
    std::vector<NamedHistory> runs;
    std::vector<int> missingRuns;
};
MergedRuns mergeRuns(const std::vector<RunsSource>& sources);

// The same for sessions: runs in order of run number; the panel and the views of the source
// holding the lowest run number (the first source when none holds a run); imported curves of
// all sources in source order. Every source must be a session (a runs CSV holds no settings);
// throws InputError naming the first that is not, or both files holding one run number.
Session mergeSessions(const std::vector<RunsSource>& sources);

}  // namespace lrscope::core
