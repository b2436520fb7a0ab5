#include "core/io/weights_file.hpp"
#include "core/nn/network_weights.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/base/random.hpp"
#include "core/nn/network.hpp"

namespace lrscope::core {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
    return std::string(LRSCOPE_TEST_DATA_DIR) + "/data/" + name;
}

template <typename Action>
std::string errorOf(const Action& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

// Reads a bad fixture and returns the message with the directory part of the path removed.
std::string fileError(const std::string& name) {
    std::string message = errorOf([&] { readWeightsFile(fixture("bad/" + name)); });
    const std::string prefix = fixture("bad/");
    if (message.rfind(prefix, 0) == 0) {
        message.erase(0, prefix.size());
    }
    return message;
}

std::string textError(const std::string& text) {
    return errorOf([&] { weightsFromJsonText(text, "w.json"); });
}

NetworkWeights randomWeights(const std::vector<int>& sizes, std::uint64_t seed) {
    Rng rng(seed);
    NetworkWeights weights;
    for (size_t l = 0; l + 1 < sizes.size(); ++l) {
        LayerWeights layer;
        layer.weight.resize(sizes[l + 1], sizes[l]);
        layer.bias.resize(sizes[l + 1]);
        for (Eigen::Index i = 0; i < layer.weight.size(); ++i) {
            layer.weight.data()[i] = rng.normal() * std::pow(10.0, rng.uniform(-8.0, 8.0));
        }
        for (Eigen::Index i = 0; i < layer.bias.size(); ++i) {
            layer.bias(i) = rng.normal();
        }
        weights.layers.push_back(layer);
    }
    return weights;
}

void expectSameWeights(const NetworkWeights& a, const NetworkWeights& b) {
    ASSERT_EQ(a.layers.size(), b.layers.size());
    for (size_t l = 0; l < a.layers.size(); ++l) {
        EXPECT_EQ(a.layers[l].weight, b.layers[l].weight) << "layer " << l;
        EXPECT_EQ(a.layers[l].bias, b.layers[l].bias) << "layer " << l;
    }
}

TEST(NetworkWeights, ReadsTheDocumentedFormat) {
    const NetworkWeights weights = readWeightsFile(fixture("weights/net_2_3_1.json"));
    ASSERT_EQ(weights.layers.size(), 2u);
    Matrix w0(3, 2);
    w0 << 0.5, -1.25, 2, 0, 1e-3, 3.5;  // rows are outputs: weight[out][in]
    EXPECT_EQ(weights.layers[0].weight, w0);
    EXPECT_EQ(weights.layers[0].bias, (Vector(3) << 0.1, -0.2, 0.3).finished());
    Matrix w1(1, 3);
    w1 << 1, 2, 3;
    EXPECT_EQ(weights.layers[1].weight, w1);
    EXPECT_EQ(weights.layers[1].bias, (Vector(1) << -4).finished());
}

TEST(NetworkWeights, ReadsABareArrayOfLayers) {
    const NetworkWeights weights = readWeightsFile(fixture("weights/bare_array.json"));
    ASSERT_EQ(weights.layers.size(), 1u);
    EXPECT_EQ(weights.layers[0].weight, (Matrix(1, 2) << 1.5, 2.5).finished());
    EXPECT_EQ(weights.layers[0].bias, (Vector(1) << 0.25).finished());
}

TEST(NetworkWeights, TextRoundTripIsBitIdentical) {
    const NetworkWeights weights = randomWeights({3, 5, 4, 2}, 99);
    const std::string text = weightsToJsonText(weights);
    expectSameWeights(weightsFromJsonText(text, "w.json"), weights);
    EXPECT_NE(text.find("\"format\": \"lrscope-weights\""), std::string::npos);
    EXPECT_NE(text.find("\"version\": 1"), std::string::npos);
}

// Found by fuzz_weights_file's bit-for-bit round trip (corpus/weights_file/negative_zero.json):
// -0 was written "-0", which JSON reads back as the integer 0.
TEST(NetworkWeights, NegativeZeroKeepsItsSign) {
    const NetworkWeights read =
        weightsFromJsonText(R"([{"weight": [[-0.0, 0.0]], "bias": [-0.0]}])", "w.json");
    ASSERT_TRUE(std::signbit(read.layers[0].weight(0, 0)));
    const std::string text = weightsToJsonText(read);
    EXPECT_NE(text.find("[-0.0, 0]"), std::string::npos) << text;
    const NetworkWeights again = weightsFromJsonText(text, "w.json");
    EXPECT_TRUE(std::signbit(again.layers[0].weight(0, 0)));
    EXPECT_FALSE(std::signbit(again.layers[0].weight(0, 1)));
    EXPECT_TRUE(std::signbit(again.layers[0].bias(0)));
}

TEST(NetworkWeights, WrittenTextLaysRowsOutAsOutIn) {
    NetworkWeights weights;
    weights.layers.push_back(
        {(Matrix(2, 3) << 1, 2, 3, 4, 5, 6.5).finished(), (Vector(2) << 0.1, -0.2).finished()});
    EXPECT_EQ(weightsToJsonText(weights),
              "{\n"
              "  \"format\": \"lrscope-weights\",\n"
              "  \"version\": 1,\n"
              "  \"layers\": [\n"
              "    {\n"
              "      \"weight\": [\n"
              "        [1, 2, 3],\n"
              "        [4, 5, 6.5]\n"
              "      ],\n"
              "      \"bias\": [0.1, -0.2]\n"
              "    }\n"
              "  ]\n"
              "}\n");
}

TEST(NetworkWeights, NonFiniteWeightsAreNotWritten) {
    NetworkWeights weights = randomWeights({2, 2}, 1);
    weights.layers[0].weight(1, 0) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(errorOf([&] { weightsToJsonText(weights); }),
              "cannot save weights: layer 1 holds NaN or infinite values (did the run "
              "diverge?)");
}

TEST(NetworkWeights, FileRoundTrip) {
    std::string pattern = (fs::temp_directory_path() / "lrscope-weights-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const fs::path dir(pattern);
    const std::string path = (dir / "w.json").string();
    const NetworkWeights weights = randomWeights({4, 8, 3}, 5);
    writeWeightsFile(path, weights);
    expectSameWeights(readWeightsFile(path), weights);
    fs::remove_all(dir);
}

TEST(NetworkWeights, NetworkRoundTrip) {
    Network network({2, 3, 1}, Activation::Tanh);
    const NetworkWeights weights = readWeightsFile(fixture("weights/net_2_3_1.json"));
    assignWeights(network, weights);
    // weight(l) is [out x in], the same orientation as the file.
    EXPECT_EQ(network.weight(0)(2, 1), 3.5);
    EXPECT_EQ(network.weight(1)(0, 2), 3.0);
    EXPECT_EQ(network.bias(0)(1), -0.2);
    EXPECT_EQ(network.bias(1)(0), -4.0);
    expectSameWeights(weightsOf(network), weights);
}

TEST(NetworkWeights, AssignRejectsWrongShapes) {
    Network network({2, 8, 8, 2}, Activation::Relu);
    const Vector before = network.parameters();

    EXPECT_EQ(errorOf([&] {
                  assignWeights(network, randomWeights({2, 8, 2}, 1));
              }),
              "the weights have 2 layers, the network has 3");

    NetworkWeights weights = randomWeights({2, 8, 8, 2}, 1);
    weights.layers[1].weight = Matrix::Zero(8, 4);
    EXPECT_EQ(errorOf([&] { assignWeights(network, weights); }),
              "layer 2: weight is 8 x 4, the network expects 8 x 8");

    weights = randomWeights({2, 8, 8, 2}, 1);
    weights.layers[2].bias = Vector::Zero(3);
    EXPECT_EQ(errorOf([&] { assignWeights(network, weights); }),
              "layer 3: bias has 3 values, the network expects 2");

    weights = randomWeights({2, 8, 8, 2}, 1);
    weights.layers[0].bias(0) = std::numeric_limits<double>::infinity();
    EXPECT_EQ(errorOf([&] { assignWeights(network, weights); }),
              "layer 1: the weights hold NaN or infinite values");

    // A failed assignment leaves the network as it was.
    EXPECT_EQ(network.parameters(), before);
}

TEST(NetworkWeights, NotJsonNamesLineAndColumn) {
    EXPECT_EQ(fileError("weights_not_json.json"),
              "weights_not_json.json: line 3, column 6: invalid JSON (syntax error while "
              "parsing object key - invalid literal; last read: '{w'; expected string literal)");
    EXPECT_EQ(fileError("weights_empty.json"),
              "weights_empty.json: line 1, column 1: invalid JSON (syntax error while parsing "
              "value - unexpected end of input; expected '[', '{', or a literal)");
}

TEST(NetworkWeights, ErrorsNameTheJsonPath) {
    EXPECT_EQ(fileError("weights_ragged.json"),
              "weights_ragged.json: layers[0].weight[2]: expected 2 numbers like "
              "layers[0].weight[0], found 1");
    EXPECT_EQ(fileError("weights_not_number.json"),
              "weights_not_number.json: layers[1].weight[3][1]: expected a number, found \"x\"");
    EXPECT_EQ(fileError("weights_missing_bias.json"),
              "weights_missing_bias.json: layers[0]: missing key \"bias\"; expected bias [out]");
    EXPECT_EQ(fileError("weights_bias_length.json"),
              "weights_bias_length.json: layers[0].bias: expected 2 numbers (one per row of "
              "weight), found 1");
    EXPECT_EQ(fileError("weights_chain.json"),
              "weights_chain.json: layers[1].weight: has 2 inputs per row, but layers[0] has 3 "
              "outputs; expected 3 numbers per row");
    EXPECT_EQ(fileError("weights_wrong_format.json"),
              "weights_wrong_format.json: format: expected \"lrscope-weights\", found "
              "\"keras-h5\"");
    EXPECT_EQ(fileError("weights_missing_layers.json"),
              "weights_missing_layers.json: missing key \"layers\"; expected an array of layers");
    EXPECT_EQ(fileError("weights_overflow.json"),
              "weights_overflow.json: invalid JSON (number overflow parsing '1e999')");
}

TEST(NetworkWeights, MoreStructureErrors) {
    EXPECT_EQ(textError("42"),
              "w.json: expected an object with \"layers\" or an array of layers, found 42");
    EXPECT_EQ(textError("[]"), "w.json: expected at least one layer, found an empty array");
    EXPECT_EQ(textError("{\"layers\": {}}"),
              "w.json: layers: expected an array of layers, found an object");
    EXPECT_EQ(textError("{\"version\": 2, \"layers\": []}"),
              "w.json: version: expected 1, found 2 (this lrscope reads version 1)");
    EXPECT_EQ(textError("[{\"weight\": [], \"bias\": []}]"),
              "w.json: [0].weight: expected a non-empty array of rows ([out][in]), found an "
              "array");
    EXPECT_EQ(textError("[{\"weight\": [[]], \"bias\": []}]"),
              "w.json: [0].weight[0]: expected at least one number, found an empty row");
    EXPECT_EQ(textError("[{\"weight\": [1, 2], \"bias\": [0]}]"),
              "w.json: [0].weight[0]: expected an array of numbers (one row of weights), found 1");
    EXPECT_EQ(textError("[{\"weight\": [[true]], \"bias\": [0]}]"),
              "w.json: [0].weight[0][0]: expected a number, found true");
    EXPECT_EQ(textError("[{\"weight\": [[1]], \"bias\": [null]}]"),
              "w.json: [0].bias[0]: expected a number, found null");
    EXPECT_EQ(textError("[7]"),
              "w.json: [0]: expected an object with \"weight\" and \"bias\", found 7");
    EXPECT_EQ(textError("[{\"bias\": [1]}]"),
              "w.json: [0]: missing key \"weight\"; expected weight rows [out][in]");
}

TEST(NetworkWeights, MissingFile) {
    EXPECT_EQ(errorOf([] { readWeightsFile("/nonexistent/w.json"); }),
              "/nonexistent/w.json: cannot open file (No such file or directory)");
}

}  // namespace
}  // namespace lrscope::core
