#include "core/data/data_spec.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/random.hpp"
#include "core/data/builtin_datasets.hpp"
#include "core/data/csv_reader.hpp"
#include "core/data/data_generators.hpp"

namespace lrscope::core {

namespace {

// Paths are shown longer than names in messages: the folder is often what is wrong.
constexpr std::size_t kPathShown = 200;

constexpr long kMaxSamples = 1'000'000;
// Mixed into the seed so the split draws from a different stream than the generator.
constexpr std::uint64_t kSplitSeedMix = 0x9E3779B97F4A7C15ULL;

std::string datasetNameList() {
    std::string names;
    for (const auto name : builtinDatasetNames()) {
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    return names;
}

Dataset generate(const DataSpec& spec, std::uint64_t seed) {
    Rng rng(seed);
    const std::string& name = spec.dataset;
    if (name == "xor") {
        return generateXor(spec.samples, spec.noise, rng);
    }
    if (name == "circles") {
        return generateCircles(spec.samples, spec.noise, rng);
    }
    if (name == "spiral") {
        return generateSpiral(spec.samples, spec.noise, rng);
    }
    if (name == "blobs") {
        return generateBlobs(spec.samples, spec.noise, rng);
    }
    if (name == "moons") {
        return generateMoons(spec.samples, spec.noise, rng);
    }
    return generateSine(spec.samples, spec.noise, rng);
}

InputError notCompiledIn(const std::string& dataset) {
    const std::string detail = quotedForMessage(dataset, 60) + " is not compiled into this build";
    return InputError::setting("dataset", detail, "--dataset " + detail);
}

// The samples at `indices`, in that order, with the data set's names and classes.
Dataset select(const Dataset& data, const std::vector<Eigen::Index>& indices) {
    Dataset part;
    part.task = data.task;
    part.featureNames = data.featureNames;
    part.classNames = data.classNames;
    part.targetName = data.targetName;
    const auto n = static_cast<Eigen::Index>(indices.size());
    part.features.resize(data.features.rows(), n);
    if (data.task == Task::Regress) {
        part.targets.resize(data.targets.rows(), n);
    } else {
        part.labels.resize(indices.size());
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        const Eigen::Index from = indices[static_cast<size_t>(i)];
        part.features.col(i) = data.features.col(from);
        if (data.task == Task::Regress) {
            part.targets.col(i) = data.targets.col(from);
        } else {
            part.labels[static_cast<size_t>(i)] = data.labels[static_cast<size_t>(from)];
        }
    }
    return part;
}

// z = (x - mean) / std per feature, with mean and population std from the training split;
// a constant feature (std 0) is only centred.
void standardize(DataSplit& split) {
    const Matrix& x = split.train.features;
    if (x.cols() == 0) {
        return;
    }
    const Vector mean = x.rowwise().mean();
    const Matrix centred = x.colwise() - mean;
    const double n = static_cast<double>(x.cols());
    Vector scale = (centred.array().square().rowwise().sum() / n).sqrt().matrix();
    for (Eigen::Index f = 0; f < scale.size(); ++f) {
        if (!(scale(f) > 0.0)) {
            scale(f) = 1.0;
        }
    }
    for (Dataset* part : {&split.train, &split.test}) {
        part->features =
            ((part->features.colwise() - mean).array().colwise() / scale.array()).matrix();
    }
    split.featureMean = mean;
    split.featureScale = scale;
}

}  // namespace

void validate(const DataSpec& spec) {
    if (spec.dataset.empty() && spec.csvPath.empty()) {
        throw InputError::setting(
            "dataset", "none chosen; choose a built-in data set or a CSV file",
            "no data set given; set --dataset (" + datasetNameList() + ") or --data FILE.csv");
    }
    if (!spec.dataset.empty() && !spec.csvPath.empty()) {
        throw InputError::setting(
            "dataset",
            quotedForMessage(spec.dataset, 60) + " and the CSV file " +
                quotedForMessage(spec.csvPath, kPathShown) + " were both given; choose one",
            "--dataset " + quotedForMessage(spec.dataset, 60) + " and --data " +
                quotedForMessage(spec.csvPath, kPathShown) + " were both given; choose one");
    }
    if (!spec.dataset.empty() && !isGeneratedDataset(spec.dataset) &&
        !isShippedDataset(spec.dataset)) {
        const std::string detail =
            quotedForMessage(spec.dataset, 60) +
            " is not a built-in data set; expected one of: " + datasetNameList();
        throw InputError::setting("dataset", detail, "--dataset " + detail);
    }
    if (spec.samples < 1 || spec.samples > kMaxSamples) {
        const std::string detail = "must be between 1 and " + std::to_string(kMaxSamples) +
                                   ", got " + std::to_string(spec.samples);
        throw InputError::setting("samples", detail, "--samples " + detail);
    }
    if (!std::isfinite(spec.noise) || spec.noise < 0.0) {
        const std::string detail = "must be a finite number >= 0, got " + formatNumber(spec.noise);
        throw InputError::setting("noise", detail, "--noise " + detail);
    }
    if (!(spec.testFraction >= 0.0 && spec.testFraction < 1.0)) {
        const std::string detail = "must be in [0, 1), got " + formatNumber(spec.testFraction);
        throw InputError::setting("test-fraction", detail, "--test-fraction " + detail);
    }
    if (spec.rows && *spec.rows < 1) {
        const std::string detail = "must be at least 1, got " + std::to_string(*spec.rows);
        throw InputError::setting("rows", detail, "--rows " + detail);
    }
}

DataShape dataShape(const DataSpec& spec) {
    validate(spec);
    const CsvDataOptions options{spec.target, spec.task, spec.rows};
    if (!spec.csvPath.empty()) {
        return tableShape(parseCsv(readFile(spec.csvPath), spec.csvPath), options, spec.csvPath);
    }
    if (isShippedDataset(spec.dataset)) {
        const auto text = shippedDatasetCsv(spec.dataset);
        const std::string source = spec.dataset + ".csv";
        if (!text) {
            throw notCompiledIn(spec.dataset);
        }
        return tableShape(parseCsv(*text, source), options, source);
    }
    return generatedShape(spec.dataset,
                          spec.rows ? std::min(spec.samples, *spec.rows) : spec.samples);
}

DataSplit prepareData(const DataSpec& spec, std::uint64_t seed) {
    validate(spec);

    Dataset data;
    if (!spec.csvPath.empty()) {
        data = loadCsvDataset(spec.csvPath, {spec.target, spec.task, spec.rows});
    } else if (isShippedDataset(spec.dataset)) {
        const auto text = shippedDatasetCsv(spec.dataset);
        const std::string source = spec.dataset + ".csv";
        if (!text) {
            throw notCompiledIn(spec.dataset);
        }
        data = tableToDataset(parseCsv(*text, source), {spec.target, spec.task, spec.rows}, source);
    } else {
        data = generate(spec, seed);
        if (spec.rows && *spec.rows < data.sampleCount()) {
            std::vector<Eigen::Index> first(static_cast<size_t>(*spec.rows));
            std::iota(first.begin(), first.end(), Eigen::Index{0});
            data = select(data, first);
        }
    }

    const auto n = static_cast<size_t>(data.sampleCount());
    std::vector<Eigen::Index> order(n);
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    size_t trainCount = n;
    if (spec.testFraction > 0.0) {
        Rng splitRng(seed ^ kSplitSeedMix);
        splitRng.shuffle(order);
        const double wanted = std::round(static_cast<double>(n) * (1.0 - spec.testFraction));
        trainCount = std::max<size_t>(1, static_cast<size_t>(wanted));
        if (trainCount >= n) {
            const std::string detail = formatNumber(spec.testFraction) +
                                       " leaves no test samples out of " + std::to_string(n) +
                                       "; use more samples or a larger fraction";
            throw InputError::setting("test-fraction", detail + ", or 0",
                                      "--test-fraction " + detail + ", or --test-fraction 0");
        }
    }

    DataSplit split;
    split.train = select(data, {order.begin(), order.begin() + static_cast<long>(trainCount)});
    split.test = select(data, {order.begin() + static_cast<long>(trainCount), order.end()});
    if (spec.standardize) {
        standardize(split);
    }
    return split;
}

}  // namespace lrscope::core
