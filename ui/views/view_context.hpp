#pragma once

namespace lrscope::ui {

class RunCommands;
class RunSelection;
class RunStore;
class TrainingController;

// What every view is built from. Views read the store, follow the selection, ask the
// controller for weight snapshots and send user requests (select, delete, use settings)
// through the commands; none of them reaches into a running trainer.
struct ViewContext {
    RunStore& store;
    TrainingController& controller;
    RunSelection& selection;
    RunCommands& commands;
};

}  // namespace lrscope::ui
