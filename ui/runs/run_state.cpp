#include "ui/runs/run_state.hpp"

namespace lrscope::ui {

QString runStateName(RunState state) {
    switch (state) {
        case RunState::Queued:
            return QStringLiteral("queued");
        case RunState::Training:
            return QStringLiteral("training");
        case RunState::Paused:
            return QStringLiteral("paused");
        case RunState::Done:
            return QStringLiteral("done");
        case RunState::Stopped:
            return QStringLiteral("stopped");
        case RunState::Diverged:
            return QStringLiteral("diverged");
        case RunState::Failed:
            return QStringLiteral("failed");
    }
    return {};
}

bool isFinished(RunState state) {
    return state == RunState::Done || state == RunState::Stopped || state == RunState::Diverged ||
           state == RunState::Failed;
}

}  // namespace lrscope::ui
