#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/data/dataset.hpp"

namespace lrscope::core {

// Where a run's data comes from and how it is prepared. Exactly one of `dataset` (a built-in
// name) and `csv_path` is set.
struct DataSpec {
    std::string dataset = "spiral";
    std::string csvPath;        // a CSV file instead of a built-in set
    std::string target;          // CSV target column: name or 0-based index; empty = last
    Task task = Task::Classify;  // generators decide their own task (sine = regression)
    long samples = 200;          // generators only
    double noise = 0.1;          // generators only
    std::optional<long> rows;    // use only the first N rows
    double testFraction = 0.2;  // [0, 1)
    bool standardize = true;     // statistics from the training split only
};

void validate(const DataSpec& spec);  // throws InputError naming the setting

// Loads or generates the data and splits it. The generator and the split draw from their own
// generators seeded with `seed`, so the result depends on (spec, seed) only. The split shuffles
// the rows and puts the first round(n * (1 - test_fraction)) in train; with test_fraction 0 the
// rows keep file order. Throws InputError.
DataSplit prepareData(const DataSpec& spec, std::uint64_t seed);

// The shape of the data prepareData(spec, seed) gives (inputs, outputs and task of its splits,
// rows = train + test samples), without generating or converting it: a generator's shape
// follows from its parameters, a shipped set's or a CSV file's from its parsed table (see
// tableShape()). Throws InputError for an invalid spec or an unreadable file; it does not
// check the feature cells or whether the test fraction leaves test samples.
DataShape dataShape(const DataSpec& spec);

}  // namespace lrscope::core
