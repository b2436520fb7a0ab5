#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace lrscope::core {

// Names of every data set built into lrscope: the generators first, then the real sets.
std::span<const std::string_view> builtinDatasetNames();
bool isGeneratedDataset(std::string_view name);  // xor, circles, spiral, blobs, moons, sine
bool isShippedDataset(std::string_view name);    // iris, breast_cancer, digits

// The CSV text of a shipped data set (compiled into the binary from resources/data/),
// or nullopt for an unknown name.
std::optional<std::string_view> shippedDatasetCsv(std::string_view name);

}  // namespace lrscope::core
