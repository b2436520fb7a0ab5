// The weights file's optional "model" block: round trip, files without it, and corrupt blocks
// rejected with their JSON path.
#include <gtest/gtest.h>

#include <string>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "core/io/weights_file.hpp"

namespace lrscope::core {
namespace {

std::string fixture(const std::string& name) {
    return std::string(LRSCOPE_TEST_DATA_DIR) + "/data/" + name;
}

// Two inputs, three outputs.
NetworkWeights smallWeights() {
    NetworkWeights weights;
    weights.layers.push_back({(Matrix(3, 2) << 1, -2, 0.5, 4, -1e-3, 7).finished(),
                              (Vector(3) << 0.1, -0.2, 0.3).finished()});
    return weights;
}

ModelBlock fullBlock() {
    ModelBlock block;
    block.activation = Activation::LeakyRelu;
    block.loss = LossKind::CrossEntropy;
    block.target = "kind, \"as named\"";
    block.classNames = {"a", "b \"quoted\"", "c\nd"};
    block.inputMean = (Vector(2) << 0.1, -3.25e-7).finished();
    block.inputStd = (Vector(2) << 1.0 / 3.0, 12.5).finished();
    return block;
}

// The message for a weights text whose layers are smallWeights() and whose "model" is `model`.
std::string modelError(const std::string& model) {
    const std::string text = R"({"model": )" + model +
                             R"(, "layers": [{"weight": [[1, -2], [0.5, 4], [-0.001, 7]],
                                 "bias": [0.1, -0.2, 0.3]}]})";
    try {
        weightsFileFromJsonText(text, "w.json");
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError for " << model;
    return "";
}

TEST(WeightsModelBlock, RoundTripKeepsEveryFieldBitForBit) {
    const WeightsFileContents written{smallWeights(), fullBlock()};
    const WeightsFileContents read =
        weightsFileFromJsonText(weightsFileToJsonText(written), "w.json");
    ASSERT_TRUE(read.model.has_value());
    EXPECT_EQ(read.model->activation, Activation::LeakyRelu);
    EXPECT_EQ(read.model->loss, LossKind::CrossEntropy);
    EXPECT_EQ(read.model->target, fullBlock().target);
    EXPECT_EQ(read.model->classNames, fullBlock().classNames);
    EXPECT_EQ(read.model->inputMean, fullBlock().inputMean);
    EXPECT_EQ(read.model->inputStd, fullBlock().inputStd);
    EXPECT_EQ(read.weights.layers[0].weight, smallWeights().layers[0].weight);
    EXPECT_EQ(read.weights.layers[0].bias, smallWeights().layers[0].bias);
}

TEST(WeightsModelBlock, EveryKeyIsOptional) {
    ModelBlock onlyLoss;
    onlyLoss.loss = LossKind::Mse;
    const WeightsFileContents read =
        weightsFileFromJsonText(weightsFileToJsonText({smallWeights(), onlyLoss}), "w.json");
    ASSERT_TRUE(read.model.has_value());
    EXPECT_EQ(read.model->loss, LossKind::Mse);
    EXPECT_FALSE(read.model->activation.has_value());
    EXPECT_TRUE(read.model->classNames.empty());
    EXPECT_EQ(read.model->inputMean.size(), 0);
}

TEST(WeightsModelBlock, FilesWithoutItLoadAsBefore) {
    const WeightsFileContents read = readWeightsFileContents(fixture("weights/net_2_3_1.json"));
    EXPECT_FALSE(read.model.has_value());
    EXPECT_EQ(read.weights.layers.size(), 2u);
    // The weights alone are written exactly as before the block existed.
    EXPECT_EQ(weightsFileToJsonText({smallWeights(), std::nullopt}),
              weightsToJsonText(smallWeights()));
    // A file with the block still loads as plain weights (train --init-weights).
    const std::string text = weightsFileToJsonText({smallWeights(), fullBlock()});
    EXPECT_EQ(weightsFromJsonText(text, "w.json").layers[0].weight,
              smallWeights().layers[0].weight);
}

TEST(WeightsModelBlock, CorruptBlocksAreRejectedWithTheirJsonPath) {
    EXPECT_EQ(modelError("[1]"),
              "w.json: model: expected an object with activation, loss, target, classes, "
              "input_mean or input_std, found an array");
    EXPECT_EQ(modelError(R"({"activaton": "tanh"})"),
              "w.json: model.activaton: unknown key; expected activation, loss, target, classes, "
              "input_mean or input_std");
    EXPECT_EQ(modelError(R"({"two\nlines": 1})"),
              "w.json: model.two\\nlines: unknown key; expected activation, loss, target, "
              "classes, input_mean or input_std");
    EXPECT_EQ(modelError(R"({"activation": "swish"})"),
              "w.json: model.activation: unknown activation 'swish'; expected linear, sigmoid, "
              "tanh, relu or leaky_relu");
    EXPECT_EQ(modelError(R"({"activation": 3})"),
              "w.json: model.activation: expected a string, found 3");
    EXPECT_EQ(modelError(R"({"loss": "hinge"})"),
              "w.json: model.loss: unknown loss 'hinge'; expected mse or cross_entropy");
    EXPECT_EQ(modelError(R"({"target": null})"),
              "w.json: model.target: expected a string, found null");
    EXPECT_EQ(modelError(R"({"classes": ["a", "b"]})"),
              "w.json: model.classes: expected an array of 3 class names (one per output of the "
              "last layer), found 2 names");
    EXPECT_EQ(modelError(R"({"classes": ["a", 2, "c"]})"),
              "w.json: model.classes[1]: expected a string, found 2");
    EXPECT_EQ(modelError(R"({"input_mean": [0, 0, 0], "input_std": [1, 1]})"),
              "w.json: model.input_mean: expected an array of 2 numbers (one per input of "
              "layers[0]), found 3 numbers");
    EXPECT_EQ(modelError(R"({"input_mean": [0, "x"], "input_std": [1, 1]})"),
              "w.json: model.input_mean[1]: expected a number, found \"x\"");
    EXPECT_EQ(modelError(R"({"input_mean": [0, 0], "input_std": [1, -2]})"),
              "w.json: model.input_std[1]: expected a number > 0, found -2");
    EXPECT_EQ(modelError(R"({"input_mean": [0, 0]})"),
              "w.json: model: input_mean is given without input_std; expected both or neither");
    EXPECT_EQ(modelError(R"({"input_std": [1, 1]})"),
              "w.json: model: input_std is given without input_mean; expected both or neither");
}

TEST(WeightsModelBlock, ACorruptFixtureNamesItsFile) {
    try {
        readWeightsFile(fixture("bad/weights_model_unknown_key.json"));
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("weights_model_unknown_key.json: model.classnames: "
                                             "unknown key"),
                  std::string::npos)
            << e.what();
    }
}

TEST(WeightsModelBlock, OfATrainedRunHoldsItsSettingsAndTheTrainingStandardisation) {
    RunConfig config;
    config.activation = Activation::Relu;
    config.loss = LossKind::Mse;
    config.data.dataset = "iris";
    config.data.testFraction = 0.25;
    const DataSplit data = prepareData(config.data, 7);
    const ModelBlock block = modelBlockOf(config, data);
    EXPECT_EQ(block.activation, Activation::Relu);
    EXPECT_EQ(block.loss, LossKind::Mse);
    EXPECT_EQ(block.target, "species");
    EXPECT_EQ(block.classNames, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
    // Undoing the standardisation of the training split gives back the file's units: every
    // standardised training feature has mean 0 and population std 1.
    ASSERT_EQ(block.inputMean.size(), 4);
    const Matrix& z = data.train.features;
    const Vector zMean = z.rowwise().mean();
    const Vector zVariance =
        (z.colwise() - zMean).array().square().rowwise().sum() / static_cast<double>(z.cols());
    for (Eigen::Index f = 0; f < 4; ++f) {
        EXPECT_NEAR(zMean(f), 0.0, 1e-12);
        EXPECT_NEAR(zVariance(f), 1.0, 1e-12);
        EXPECT_GT(block.inputStd(f), 0.0);
    }
    // Sepal length of iris is about 5.8 cm on average, with a std of about 0.8.
    EXPECT_NEAR(block.inputMean(0), 5.84, 0.1);
    EXPECT_NEAR(block.inputStd(0), 0.83, 0.1);

    config.data.standardize = false;
    EXPECT_EQ(modelBlockOf(config, prepareData(config.data, 7)).inputMean.size(), 0)
        << "without standardisation the inputs are used as given";
}

}  // namespace
}  // namespace lrscope::core
