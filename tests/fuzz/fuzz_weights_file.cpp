// The weights JSON reader. Whatever it accepts must survive writing and reading back
// bit for bit.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/io/weights_file.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace lrscope;

namespace {

// Bit for bit, so that -0 and 0 differ (== cannot tell them apart).
bool sameBits(const double* a, const double* b, Eigen::Index count) {
    return std::memcmp(a, b, static_cast<std::size_t>(count) * sizeof(double)) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    core::NetworkWeights weights;
    if (!fuzz::parsesOrRejects([&] { weights = core::weightsFromJsonText(text, "fuzz.json"); })) {
        return 0;
    }
    const std::string written = core::weightsToJsonText(weights);
    core::NetworkWeights reread;
    fuzz::check(
        fuzz::parsesOrRejects([&] { reread = core::weightsFromJsonText(written, "written.json"); }),
        "the reader rejects what the writer wrote");
    fuzz::check(reread.layers.size() == weights.layers.size(), "layer count changed");
    for (std::size_t l = 0; l < weights.layers.size(); ++l) {
        const auto& a = weights.layers[l];
        const auto& b = reread.layers[l];
        fuzz::check(a.weight.rows() == b.weight.rows() && a.weight.cols() == b.weight.cols() &&
                        a.bias.size() == b.bias.size(),
                    "a layer's shape changed");
        fuzz::check(sameBits(a.weight.data(), b.weight.data(), a.weight.size()) &&
                        sameBits(a.bias.data(), b.bias.data(), a.bias.size()),
                    "a value changed");
    }
    return 0;
}
