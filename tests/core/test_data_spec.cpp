#include "core/data/data_spec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "core/base/errors.hpp"
#include "core/data/builtin_datasets.hpp"
#include "core/data/csv_reader.hpp"
#include "core/data/data_generators.hpp"

namespace lrscope::core {
namespace {

using Names = std::vector<std::string>;

std::string fixture(const std::string& name) {
    return std::string(LRSCOPE_TEST_DATA_DIR) + "/data/" + name;
}

std::string validateError(const DataSpec& spec) {
    try {
        validate(spec);
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

std::string prepareError(const DataSpec& spec, std::uint64_t seed = 1) {
    try {
        prepareData(spec, seed);
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

DataSpec csvSpec(const std::string& path) {
    DataSpec spec;
    spec.dataset.clear();
    spec.csvPath = path;
    return spec;
}

TEST(BuiltinDatasets, NamesAndKinds) {
    const auto names = builtinDatasetNames();
    EXPECT_EQ(Names(names.begin(), names.end()),
              (Names{"xor", "circles", "spiral", "blobs", "moons", "sine", "iris", "breast_cancer",
                     "digits"}));
    EXPECT_TRUE(isGeneratedDataset("spiral"));
    EXPECT_FALSE(isGeneratedDataset("iris"));
    EXPECT_TRUE(isShippedDataset("digits"));
    EXPECT_FALSE(isShippedDataset("moons"));
    EXPECT_FALSE(isShippedDataset("nope"));
}

TEST(BuiltinDatasets, ShippedCsvIsCompiledIn) {
    const auto iris = shippedDatasetCsv("iris");
    ASSERT_TRUE(iris.has_value());
    EXPECT_TRUE(iris->starts_with("sepal_length,sepal_width,petal_length,petal_width,species"));
    EXPECT_TRUE(shippedDatasetCsv("breast_cancer").has_value());
    EXPECT_TRUE(shippedDatasetCsv("digits").has_value());
    EXPECT_FALSE(shippedDatasetCsv("spiral").has_value());
    EXPECT_FALSE(shippedDatasetCsv("missing").has_value());
}

TEST(DataSpecValidate, DefaultsAreValid) {
    EXPECT_NO_THROW(validate(DataSpec{}));
}

TEST(DataSpecValidate, MessagesNameTheFlag) {
    DataSpec spec;
    spec.samples = 0;
    EXPECT_EQ(validateError(spec), "--samples must be between 1 and 1000000, got 0");
    spec.samples = 1'000'001;
    EXPECT_EQ(validateError(spec), "--samples must be between 1 and 1000000, got 1000001");

    spec = {};
    spec.noise = -0.5;
    EXPECT_EQ(validateError(spec), "--noise must be a finite number >= 0, got -0.5");
    spec.noise = std::numeric_limits<double>::infinity();
    EXPECT_EQ(validateError(spec), "--noise must be a finite number >= 0, got inf");

    spec = {};
    spec.testFraction = 1.0;
    EXPECT_EQ(validateError(spec), "--test-fraction must be in [0, 1), got 1");
    spec.testFraction = -0.1;
    EXPECT_EQ(validateError(spec), "--test-fraction must be in [0, 1), got -0.1");
    spec.testFraction = std::nan("");
    EXPECT_EQ(validateError(spec), "--test-fraction must be in [0, 1), got nan");

    spec = {};
    spec.rows = 0;
    EXPECT_EQ(validateError(spec), "--rows must be at least 1, got 0");

    spec = {};
    spec.dataset = "sprial";
    EXPECT_EQ(validateError(spec),
              "--dataset 'sprial' is not a built-in data set; expected one of: xor, circles, "
              "spiral, blobs, moons, sine, iris, breast_cancer, digits");
}

TEST(DataSpecValidate, ExactlyOneSource) {
    DataSpec spec;
    spec.csvPath = "data.csv";
    EXPECT_EQ(validateError(spec),
              "--dataset 'spiral' and --data 'data.csv' were both given; choose one");
    spec.dataset.clear();
    EXPECT_NO_THROW(validate(spec));
    spec.csvPath.clear();
    EXPECT_EQ(validateError(spec),
              "no data set given; set --dataset (xor, circles, spiral, blobs, moons, sine, "
              "iris, breast_cancer, digits) or --data FILE.csv");
}

TEST(PrepareData, GeneratedSplitSizesAndDeterminism) {
    DataSpec spec;  // spiral, 200 samples, test fraction 0.2
    const DataSplit a = prepareData(spec, 7);
    EXPECT_EQ(a.train.sampleCount(), 160);
    EXPECT_EQ(a.test.sampleCount(), 40);
    EXPECT_EQ(a.train.classNames, (Names{"0", "1"}));
    EXPECT_EQ(a.test.classNames, (Names{"0", "1"}));
    EXPECT_EQ(a.train.labels.size(), 160u);
    EXPECT_EQ(a.test.labels.size(), 40u);

    const DataSplit b = prepareData(spec, 7);
    EXPECT_EQ(a.train.features, b.train.features);
    EXPECT_EQ(a.test.features, b.test.features);
    EXPECT_EQ(a.train.labels, b.train.labels);

    const DataSplit c = prepareData(spec, 8);
    EXPECT_NE(a.train.features, c.train.features);
}

TEST(PrepareData, SplitRoundsTheTrainingShare) {
    DataSpec spec;
    spec.dataset = "xor";
    spec.samples = 11;
    spec.testFraction = 0.25;  // 11 * 0.75 = 8.25 -> 8 train
    const DataSplit split = prepareData(spec, 3);
    EXPECT_EQ(split.train.sampleCount(), 8);
    EXPECT_EQ(split.test.sampleCount(), 3);
}

TEST(PrepareData, SplitIsAPermutationOfTheData) {
    DataSpec spec;
    spec.dataset = "blobs";
    spec.samples = 60;
    spec.standardize = false;
    spec.testFraction = 0.0;
    const DataSplit all = prepareData(spec, 5);
    spec.testFraction = 0.5;
    const DataSplit split = prepareData(spec, 5);

    auto columns = [](const Dataset& d) {
        std::multiset<std::pair<double, double>> set;
        for (Eigen::Index i = 0; i < d.sampleCount(); ++i) {
            set.emplace(d.features(0, i), d.features(1, i));
        }
        return set;
    };
    auto both = columns(split.train);
    const auto test = columns(split.test);
    both.insert(test.begin(), test.end());
    EXPECT_EQ(both, columns(all.train));
    // The split shuffles: the training half is not simply the first 30 samples.
    EXPECT_NE(split.train.features, all.train.features.leftCols(30));
}

TEST(PrepareData, ZeroTestFractionKeepsFileOrder) {
    DataSpec spec = csvSpec(fixture("good/numeric_labels.csv"));
    spec.testFraction = 0.0;
    spec.standardize = false;
    const DataSplit split = prepareData(spec, 1);
    ASSERT_EQ(split.train.sampleCount(), 5);
    for (Eigen::Index i = 0; i < 5; ++i) {
        EXPECT_DOUBLE_EQ(split.train.features(0, i), 0.1 * static_cast<double>(i + 1));
    }
    EXPECT_EQ(split.train.labels, (std::vector<int>{2, 1, 0, 1, 2}));
    EXPECT_EQ(split.test.sampleCount(), 0);
    EXPECT_EQ(split.test.featureCount(), 1);
    EXPECT_EQ(split.test.classNames, (Names{"1", "2", "10"}));
    EXPECT_EQ(split.test.featureNames, (Names{"f"}));
}

TEST(PrepareData, RowsAreTakenBeforeTheSplit) {
    DataSpec spec = csvSpec(fixture("good/numeric_labels.csv"));
    spec.rows = 4;
    spec.testFraction = 0.25;
    spec.standardize = false;
    const DataSplit split = prepareData(spec, 9);
    EXPECT_EQ(split.train.sampleCount(), 3);
    EXPECT_EQ(split.test.sampleCount(), 1);
    std::vector<double> seen;
    for (const Dataset* part : {&split.train, &split.test}) {
        for (Eigen::Index i = 0; i < part->sampleCount(); ++i) {
            seen.push_back(part->features(0, i));
        }
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, (std::vector<double>{0.1, 0.2, 0.3, 0.4}));  // never row 5 (0.5)
    // Labels stay global: all three classes even though only some appear in the test row.
    EXPECT_EQ(split.test.classNames, (Names{"1", "2", "10"}));
}

TEST(PrepareData, RowsLimitGeneratedData) {
    DataSpec spec;
    spec.dataset = "moons";
    spec.samples = 100;
    spec.rows = 10;
    spec.testFraction = 0.0;
    spec.standardize = false;
    const DataSplit limited = prepareData(spec, 4);
    spec.rows.reset();
    const DataSplit full = prepareData(spec, 4);
    EXPECT_EQ(limited.train.sampleCount(), 10);
    EXPECT_EQ(limited.train.features, full.train.features.leftCols(10));

    spec.rows = 1000;  // more than there are: all of them
    EXPECT_EQ(prepareData(spec, 4).train.sampleCount(), 100);
}

TEST(PrepareData, StandardizesWithTrainingStatisticsOnly) {
    DataSpec spec;
    spec.dataset = "blobs";
    spec.samples = 101;
    spec.testFraction = 0.3;
    spec.standardize = false;
    const DataSplit raw = prepareData(spec, 21);
    spec.standardize = true;
    const DataSplit z = prepareData(spec, 21);
    ASSERT_EQ(raw.train.sampleCount(), z.train.sampleCount());

    for (Eigen::Index f = 0; f < 2; ++f) {
        const auto train = raw.train.features.row(f).array();
        const double mean = train.mean();
        const double std = std::sqrt((train - mean).square().mean());  // population std
        EXPECT_NEAR(z.train.features.row(f).mean(), 0.0, 1e-12);
        const double zStd = std::sqrt(z.train.features.row(f).array().square().mean());
        EXPECT_NEAR(zStd, 1.0, 1e-12);
        for (Eigen::Index i = 0; i < raw.test.sampleCount(); ++i) {
            EXPECT_NEAR(z.test.features(f, i), (raw.test.features(f, i) - mean) / std, 1e-12);
        }
    }
    // The test split has its own mean, so its standardized mean is not exactly zero.
    EXPECT_GT(std::abs(z.test.features.row(0).mean()), 1e-6);
    EXPECT_EQ(z.train.labels, raw.train.labels);
}

TEST(PrepareData, ConstantColumnIsOnlyCentred) {
    const std::string path = fixture("good/regression.csv");  // column "noise" is 1,1,0
    DataSpec spec = csvSpec(path);
    spec.task = Task::Regress;
    spec.rows = 2;  // noise = 1, 1: constant
    spec.testFraction = 0.0;
    const DataSplit split = prepareData(spec, 1);
    EXPECT_EQ(split.train.features(1, 0), 0.0);
    EXPECT_EQ(split.train.features(1, 1), 0.0);
    EXPECT_EQ(split.train.features(0, 0), -1.0);  // x = 0, 1: mean 0.5, std 0.5
    EXPECT_EQ(split.train.features(0, 1), 1.0);
}

TEST(PrepareData, RegressionTargetsAreNotStandardized) {
    DataSpec spec = csvSpec(fixture("good/regression.csv"));
    spec.task = Task::Regress;
    spec.testFraction = 0.0;
    const DataSplit split = prepareData(spec, 1);
    EXPECT_EQ(split.train.task, Task::Regress);
    ASSERT_EQ(split.train.targets.cols(), 3);
    EXPECT_EQ(split.train.targets(0, 0), 0.5);
    EXPECT_EQ(split.train.targets(0, 1), 1.5);
    EXPECT_EQ(split.train.targets(0, 2), -2.25);
    EXPECT_EQ(split.test.targets.rows(), 1);
    EXPECT_EQ(split.test.targets.cols(), 0);
}

TEST(PrepareData, CsvTargetAndTaskComeFromTheSpec) {
    DataSpec spec = csvSpec(fixture("good/regression.csv"));
    spec.target = "x";
    spec.task = Task::Regress;
    spec.testFraction = 0.0;
    spec.standardize = false;
    const DataSplit split = prepareData(spec, 1);
    EXPECT_EQ(split.train.targetName, "x");
    EXPECT_EQ(split.train.featureNames, (Names{"noise", "y"}));
    EXPECT_EQ(split.train.targets(0, 2), 2.0);
}

TEST(PrepareData, ShippedDatasets) {
    DataSpec spec;
    spec.dataset = "iris";
    const DataSplit iris = prepareData(spec, 1);
    EXPECT_EQ(iris.train.sampleCount(), 120);
    EXPECT_EQ(iris.test.sampleCount(), 30);
    EXPECT_EQ(iris.train.featureCount(), 4);
    EXPECT_EQ(iris.train.targetName, "species");
    EXPECT_EQ(iris.train.classNames, (Names{"setosa", "versicolor", "virginica"}));

    spec.dataset = "breast_cancer";
    const DataSplit cancer = prepareData(spec, 1);
    EXPECT_EQ(cancer.train.sampleCount() + cancer.test.sampleCount(), 569);
    EXPECT_EQ(cancer.train.featureCount(), 30);
    EXPECT_EQ(cancer.train.classNames, (Names{"benign", "malignant"}));

    spec.dataset = "digits";
    spec.rows = 100;
    const DataSplit digits = prepareData(spec, 1);
    EXPECT_EQ(digits.train.sampleCount() + digits.test.sampleCount(), 100);
    EXPECT_EQ(digits.train.featureCount(), 64);
    EXPECT_EQ(digits.train.classNames, (Names{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
}

TEST(PrepareData, ShippedDatasetErrorsNameTheDataset) {
    DataSpec spec;
    spec.dataset = "iris";
    spec.target = "colour";
    EXPECT_EQ(prepareError(spec),
              "iris.csv: target column 'colour' not found; columns are: sepal_length, "
              "sepal_width, petal_length, petal_width, species");
}

TEST(PrepareData, EmptyTestSideIsAnError) {
    DataSpec spec;
    spec.dataset = "xor";
    spec.samples = 2;
    spec.testFraction = 0.2;
    EXPECT_EQ(prepareError(spec),
              "--test-fraction 0.2 leaves no test samples out of 2; use more samples or a "
              "larger fraction, or --test-fraction 0");
    spec.testFraction = 0.0;
    EXPECT_EQ(prepareData(spec, 1).train.sampleCount(), 2);
}

TEST(PrepareData, CsvErrorsPassThrough) {
    const std::string path = fixture("bad/ragged.csv");
    EXPECT_EQ(prepareError(csvSpec(path)), path + ":9: line 9 has 4 fields, the header has 5");
    EXPECT_EQ(prepareError(csvSpec("/nonexistent/x.csv")),
              "/nonexistent/x.csv: cannot open file (No such file or directory)");
}

TEST(PrepareData, InvalidSpecIsRejectedFirst) {
    DataSpec spec;
    spec.noise = -1.0;
    EXPECT_EQ(prepareError(spec), "--noise must be a finite number >= 0, got -1");
}

// The shape the fully prepared data has: what dataShape() must agree with.
DataShape preparedShape(const DataSpec& spec) {
    const DataSplit split = prepareData(spec, 7);
    EXPECT_EQ(split.test.featureCount(), split.train.featureCount());
    EXPECT_EQ(split.test.task, split.train.task);
    return DataShape{split.train.featureCount(), split.train.outputCount(),
                     static_cast<long>(split.train.sampleCount() + split.test.sampleCount()),
                     split.train.task};
}

void expectSameShape(const DataShape& got, const DataShape& expected, const std::string& what) {
    EXPECT_EQ(got.inputs, expected.inputs) << what;
    EXPECT_EQ(got.outputs, expected.outputs) << what;
    EXPECT_EQ(got.rows, expected.rows) << what;
    EXPECT_EQ(got.task, expected.task) << what;
}

TEST(DataShape, AgreesWithThePreparedDataForEveryBuiltinSet) {
    for (const std::string_view name : builtinDatasetNames()) {
        DataSpec spec;
        spec.dataset = std::string(name);
        spec.samples = 37;  // odd and not a multiple of 3: every class count still shows
        expectSameShape(dataShape(spec), preparedShape(spec), spec.dataset);
        spec.rows = isGeneratedDataset(name) ? 11 : 120;  // iris is sorted by class
        expectSameShape(dataShape(spec), preparedShape(spec), spec.dataset + " (first rows)");
    }
}

TEST(DataShape, GeneratorsKnowTheirShapeWithoutSamples) {
    EXPECT_EQ(generatedShape("sine", 5).task, Task::Regress);
    EXPECT_EQ(generatedShape("sine", 5).inputs, 1);
    EXPECT_EQ(generatedShape("blobs", 5).outputs, 3);
    EXPECT_EQ(generatedShape("moons", 1'000'000).rows, 1'000'000);
    EXPECT_THROW(generatedShape("iris", 5), InputError);
    // The largest set is answered at once: nothing is generated.
    DataSpec spec;
    spec.dataset = "spiral";
    spec.samples = 1'000'000;
    const DataShape shape = dataShape(spec);
    EXPECT_EQ(shape.rows, 1'000'000);
    EXPECT_EQ(shape.outputs, 2);
}

TEST(DataShape, AgreesWithThePreparedDataForCsvFiles) {
    DataSpec spec = csvSpec(fixture("good/numeric_labels.csv"));  // "2" and "2.0": one class
    expectSameShape(dataShape(spec), preparedShape(spec), "numeric labels");
    spec = csvSpec(fixture("good/quoted.csv"));
    spec.testFraction = 0.0;
    expectSameShape(dataShape(spec), preparedShape(spec), "quoted");
    spec.rows = 2;
    expectSameShape(dataShape(spec), preparedShape(spec), "quoted, 2 rows");
    spec = csvSpec(fixture("good/regression.csv"));
    spec.target = "x";
    spec.task = Task::Regress;
    spec.testFraction = 0.0;
    expectSameShape(dataShape(spec), preparedShape(spec), "regression");
    EXPECT_EQ(dataShape(spec).inputs, 2);
}

TEST(DataShape, TableShapeCountsTheClassesOfTheRowsUsed) {
    const CsvTable table = parseCsv("a,b,label\n1,2,x\n3,4,y\n5,6,z\n7,8,x\n", "t.csv");
    CsvDataOptions options;
    const DataShape all = tableShape(table, options, "t.csv");
    EXPECT_EQ(all.inputs, 2);
    EXPECT_EQ(all.outputs, 3);
    EXPECT_EQ(all.rows, 4);
    options.maxRows = 2;
    EXPECT_EQ(tableShape(table, options, "t.csv").outputs, 2);
    options.maxRows.reset();
    options.target = "a";
    options.task = Task::Regress;
    EXPECT_EQ(tableShape(table, options, "t.csv").outputs, 1);
}

TEST(DataShape, ErrorsAreThoseOfPreparingTheData) {
    for (const std::string name : {"one_class.csv", "empty_label.csv", "single_column.csv"}) {
        const DataSpec spec = csvSpec(fixture("bad/" + name));
        std::string shapeError;
        try {
            dataShape(spec);
        } catch (const InputError& e) {
            shapeError = e.what();
        }
        EXPECT_EQ(shapeError, prepareError(spec)) << name;
    }
    DataSpec spec = csvSpec(fixture("good/quoted.csv"));
    spec.target = "nope";
    EXPECT_THROW(dataShape(spec), InputError);
    spec = DataSpec{};
    spec.dataset = "sprial";
    EXPECT_THROW(dataShape(spec), InputError);
}

}  // namespace
}  // namespace lrscope::core
