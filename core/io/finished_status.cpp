#include "core/io/finished_status.hpp"

#include <array>
#include <utility>

namespace lrscope::core {

namespace {

constexpr std::array<std::pair<FinishedStatus, std::string_view>, 4> kNames = {{
    {FinishedStatus::Done, "done"},
    {FinishedStatus::Stopped, "stopped"},
    {FinishedStatus::Diverged, "diverged"},
    {FinishedStatus::Failed, "failed"},
}};

}  // namespace

std::string_view finishedStatusName(FinishedStatus status) {
    for (const auto& [value, name] : kNames) {
        if (value == status) {
            return name;
        }
    }
    return "done";
}

std::optional<FinishedStatus> parseFinishedStatus(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

FinishedStatus finishedStatusOf(RunStatus status) {
    switch (status) {
        case RunStatus::Completed:
            return FinishedStatus::Done;
        case RunStatus::Stopped:
            return FinishedStatus::Stopped;
        case RunStatus::Diverged:
            return FinishedStatus::Diverged;
    }
    return FinishedStatus::Done;
}

std::string_view finishedStatusChoices() {
    return "done, stopped, diverged or failed";
}

}  // namespace lrscope::core
