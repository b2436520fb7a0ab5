#include "core/optim/optimizer_state.hpp"

#include "core/base/errors.hpp"

namespace lrscope::core {

const Vector* OptimizerState::find(std::string_view name) const {
    for (const auto& [key, values] : buffers) {
        if (key == name) {
            return &values;
        }
    }
    return nullptr;
}

const Vector& requireBuffer(const OptimizerState& state, std::string_view name, Eigen::Index size) {
    const Vector* buffer = state.find(name);
    if (buffer == nullptr) {
        throw InputError("$.optimizer_state.buffers." + std::string(name) +
                         ": missing; expected it for this optimizer's settings");
    }
    if (buffer->size() != size) {
        throw InputError("$.optimizer_state.buffers." + std::string(name) + ": " +
                         std::to_string(buffer->size()) + " values; expected " +
                         std::to_string(size) + " (one per network parameter)");
    }
    return *buffer;
}

}  // namespace lrscope::core
