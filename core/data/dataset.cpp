#include "core/data/dataset.hpp"

namespace lrscope::core {

int Dataset::outputCount() const {
    if (task == Task::Classify) {
        return static_cast<int>(classNames.size());
    }
    return static_cast<int>(targets.rows());
}

}  // namespace lrscope::core
