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

bool isLegalTransition(RunState from, RunState to) {
    if (from == to) {
        return false;
    }
    if (isFinished(from)) {
        // Continue: a done or stopped run trains on, queued again.
        return to == RunState::Queued && (from == RunState::Done || from == RunState::Stopped);
    }
    switch (to) {
        case RunState::Queued:
            return from == RunState::Paused;  // resumed before it left the queue
        case RunState::Training:
            return from == RunState::Queued || from == RunState::Paused;
        case RunState::Paused:
            return from == RunState::Queued || from == RunState::Training;
        case RunState::Done:
        case RunState::Diverged:
            return from == RunState::Training || from == RunState::Paused;
        case RunState::Stopped:
        case RunState::Failed:
            return true;
    }
    return false;
}

}  // namespace lrscope::ui
