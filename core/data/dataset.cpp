#include "core/data/dataset.hpp"

namespace lrscope::core {

int Dataset::outputCount() const {
    if (task == Task::Classify) {
        return static_cast<int>(class_names.size());
    }
    return static_cast<int>(targets.rows());
}

}  // namespace lrscope::core
